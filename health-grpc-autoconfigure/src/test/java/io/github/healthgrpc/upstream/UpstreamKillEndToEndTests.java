package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.healthgrpc.grpc.TimedWatch;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that an upstream killed with SIGKILL (its own JVM, so that nothing of it runs a
 * shutdown: the kernel closes its sockets) turns the downstream service NOT_SERVING
 * within a second, as the docs promise, and SERVING again once the upstream is back on
 * the same port, paced by the channel's reconnect backoff.
 *
 * <p>
 * One downstream follows an upstream on each server, so that both upstreams' JVMs start
 * together. The downstream's own server plays no part in noticing the kill (its channel
 * does); its part, telling its watchers, the chain tests prove on both.
 */
class UpstreamKillEndToEndTests {

	@AutoClose
	private final EndToEndResources resources = new EndToEndResources();

	@Test
	void aKilledUpstreamIsDownWithinASecondAndUpAgainWhenItIsBack() throws Exception {
		List<FollowedUpstream> followed = FollowedUpstream.onEachServer();
		List<ForkedUpstream> upstreams = new ArrayList<>();
		for (FollowedUpstream upstream : followed) {
			upstreams.add(this.resources.keep(ForkedUpstream.start(upstream.server(), 0)));
		}
		List<Integer> ports = new ArrayList<>();
		List<String> downstreamProperties = new ArrayList<>(List.of("grpc.health.shutdown.drain-delay=0ms"));
		for (int i = 0; i < followed.size(); i++) {
			ports.add(upstreams.get(i).port());
			downstreamProperties.addAll(followed.get(i).properties(ports.get(i)));
		}
		TestGrpcServer.Started downstream = this.resources.keep(TestGrpcServer.DEVH
			.start(EndToEndApplications.Plain.class, downstreamProperties.toArray(String[]::new)));
		List<TimedWatch> watches = this.resources.watchServing(downstream, followed);

		List<Double> killedToDown = new ArrayList<>();
		List<Double> gone = new ArrayList<>();
		for (int i = 0; i < followed.size(); i++) {
			long killed = System.nanoTime();
			upstreams.get(i).kill();
			gone.add((System.nanoTime() - killed) / 1e6);
			TimedWatch.Message down = watches.get(i).next(Duration.ofSeconds(10));
			assertThat(down.status()).isEqualTo(ServingStatus.NOT_SERVING);
			killedToDown.add(down.millisAfter(killed));
		}
		long restarted = System.nanoTime();
		for (int i = 0; i < followed.size(); i++) {
			upstreams.set(i, this.resources.keep(ForkedUpstream.start(followed.get(i).server(), ports.get(i))));
		}
		for (int i = 0; i < followed.size(); i++) {
			long listening = upstreams.get(i).listeningSince();
			TimedWatch.Message up = watches.get(i).until(ServingStatus.SERVING, Duration.ofSeconds(60));
			System.out.printf("%s upstream SIGKILL: downstream told NOT_SERVING in %.1f ms (the process was reaped "
					+ "in %.1f ms); restarted on the same port: listening after %.0f ms, downstream told SERVING %.0f ms "
					+ "after that%n", followed.get(i).server(), killedToDown.get(i), gone.get(i),
					(listening - restarted) / 1e6, up.millisAfter(listening));
			assertThat(killedToDown.get(i)).as("ms from SIGKILL to NOT_SERVING downstream").isLessThan(1000);
			// The channel retries 1 s after the failure, then 1.6 times later each time
			// (with 20 % jitter, up to 2 minutes): the first retry after the upstream
			// listens again comes at most about as long after as the upstream took to
			// come back.
			assertThat(up.millisAfter(listening)).as("ms from the upstream listening again to SERVING downstream")
				.isLessThan(30_000);
		}
	}

}
