package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.TimedWatch;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that a partition (connections that go silent: no FIN, no reset, no byte) turns
 * an upstream check DOWN within the check's timeout, with the settings the docs give: the
 * upstream's server permits a ping every 10 s during a call, and the check's keepalive
 * time plus keepalive timeout is under its timeout. The silence begins just after the
 * upstream's last message, the worst case: grpc-java pings a keepalive time after the
 * last read.
 *
 * <p>
 * One downstream follows an upstream on each server, so both are proved within one
 * keepalive time. The downstream's own server plays no part in noticing the partition
 * (its channel does); its part, telling its watchers, the chain tests prove on both.
 */
class UpstreamPartitionEndToEndTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(12);

	@AutoClose
	private final EndToEndResources resources = new EndToEndResources();

	@Test
	void aSilentConnectionTurnsTheCheckDownWithinItsTimeout() throws Exception {
		List<FollowedUpstream> followed = FollowedUpstream.onEachServer();
		List<ManualHealthCheck> stocks = new ArrayList<>();
		List<PartitionProxy> proxies = new ArrayList<>();
		List<String> downstreamProperties = new ArrayList<>(List.of("grpc.health.shutdown.drain-delay=0ms"));
		for (FollowedUpstream upstream : followed) {
			TestGrpcServer.Started application = this.resources.keep(upstream.server()
				.start(EndToEndApplications.WithStock.class, "grpc.health.shutdown.drain-delay=0ms",
						"grpc.health.services.demo.Stock.include=stock", permitPingsEvery10Seconds(upstream.server())));
			ManualHealthCheck stock = application.context().getBean(ManualHealthCheck.class);
			stock.up();
			stocks.add(stock);
			PartitionProxy proxy = this.resources.keep(PartitionProxy.to(application.port()));
			proxies.add(proxy);
			downstreamProperties.addAll(upstream.properties(proxy.port(), "service=demo.Stock",
					"timeout=" + TIMEOUT.toSeconds() + "s", "keepalive-time=10s", "keepalive-timeout=1s"));
		}
		TestGrpcServer.Started downstream = this.resources.keep(TestGrpcServer.BOOT
			.start(EndToEndApplications.Plain.class, downstreamProperties.toArray(String[]::new)));
		List<TimedWatch> watches = this.resources.watchServing(downstream, followed);

		// A change each, so that the upstreams' last messages have just been read.
		stocks.forEach((stock) -> stock.down("about to be cut off"));
		for (TimedWatch watch : watches) {
			assertThat(watch.next().status()).isEqualTo(ServingStatus.NOT_SERVING);
		}
		stocks.forEach(ManualHealthCheck::up);
		for (TimedWatch watch : watches) {
			assertThat(watch.next().status()).isEqualTo(ServingStatus.SERVING);
		}
		long silent = System.nanoTime();
		proxies.forEach(PartitionProxy::goSilent);
		for (int i = 0; i < followed.size(); i++) {
			TimedWatch.Message down = watches.get(i).next(TIMEOUT.plusSeconds(10));
			System.out.printf(
					"%s upstream partitioned (keepalive-time 10s, keepalive-timeout 1s, timeout %ds): "
							+ "downstream told %s %.0f ms after the silence began%n",
					followed.get(i).server(), TIMEOUT.toSeconds(), down.status(), down.millisAfter(silent));
			assertThat(down.status()).isEqualTo(ServingStatus.NOT_SERVING);
			assertThat(down.millisAfter(silent)).as("ms from the silence to NOT_SERVING downstream")
				.isLessThan(TIMEOUT.toMillis());
		}
	}

	@Test
	void byDefaultAPartitionIsNoticedWithinTheTimeout() {
		HealthGrpcProperties.Upstream defaults = new HealthGrpcProperties.Upstream();
		// The test above measures the silence turning the check DOWN a keepalive time
		// plus
		// a keepalive timeout after the last read, and some 25 ms more.
		assertThat(defaults.getKeepaliveTime().plus(defaults.getKeepaliveTimeout()).plusMillis(500))
			.as("keepalive-time + keepalive-timeout, and some slack, by default")
			.isLessThan(defaults.getTimeout());
	}

	// The documented setting. A grpc-java server counts a ping that comes sooner than
	// its permit time (5 minutes by default) after the last one as a strike, unless it
	// has sent headers or data since, and answers the third with GOAWAY too_many_pings:
	// 30 s into a quiet Watch call with 10 s pings, the check would flap DOWN. This test
	// goes silent long before that, so it does not depend on the setting.
	private static String permitPingsEvery10Seconds(TestGrpcServer server) {
		return switch (server) {
			case DEVH -> "grpc.server.permit-keep-alive-time=10s";
			case BOOT -> "spring.grpc.server.keepalive.permit.time=10s";
		};
	}

}
