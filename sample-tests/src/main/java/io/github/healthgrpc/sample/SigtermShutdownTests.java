package io.github.healthgrpc.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as its own JVM, stopped the way Kubernetes stops a pod: with SIGTERM while a
 * watcher is attached. It must neither hang nor skip the NOT_SERVING message: the watcher
 * hears NOT_SERVING at once, its stream completes after the drain delay, and the JVM
 * exits within the drain delay plus {@link ShutdownLoad#EXIT_GRACE}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroy() is not SIGTERM on Windows")
class SigtermShutdownTests {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static final Duration PATIENCE = AbstractSampleServerTests.PATIENCE;

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(1);

	private final Path log = Path.of("target", "sigterm-sample.log");

	private Process process;

	private ManagedChannel channel;

	@AfterEach
	void stopEverything() throws InterruptedException {
		if (this.channel != null) {
			this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void sigtermWithAWatcherAttachedSendsNotServingThenCompletesTheStreamAndExits() throws Exception {
		int grpcPort = PricingServer.freePort();
		this.process = SampleJvm.start(grpcPort, this.log,
				"--sample.pricing.address=127.0.0.1:" + PricingServer.freePort(),
				"--grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms");
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
		await().atMost(STARTUP).ignoreException(StatusRuntimeException.class).until(() -> {
			assertThat(this.process.isAlive()).as("sample JVM running, see %s", this.log.toAbsolutePath()).isTrue();
			return check("demo.Greeter") == ServingStatus.SERVING;
		});
		HealthWatch watch = HealthWatch.start(this.channel, "demo.Greeter");
		watch.nextMessage(ServingStatus.SERVING, PATIENCE);

		long sigterm = System.nanoTime();
		this.process.destroy();

		HealthWatch.Event notServing = watch.nextMessage(ServingStatus.NOT_SERVING, PATIENCE);
		HealthWatch.Event end = watch.next(PATIENCE);
		assertThat(end.isCompleted()).as("Watch ends with onCompleted, not an error: %s", end).isTrue();
		assertThat(this.process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
			.as("sample JVM exited after SIGTERM, see %s", this.log)
			.isTrue();
		Duration exitTook = Duration.ofNanos(System.nanoTime() - sigterm);
		System.out.printf(
				"SIGTERM, drain delay %d ms: NOT_SERVING after %d ms, stream completed after %d ms,"
						+ " JVM exited after %d ms%n",
				DRAIN_DELAY.toMillis(), notServing.since(sigterm).toMillis(), end.since(sigterm).toMillis(),
				exitTook.toMillis());

		assertThat(notServing.since(sigterm)).as("time until the watcher heard NOT_SERVING")
			.isLessThanOrEqualTo(ShutdownLoad.TOLD_WITHIN);
		assertThat(end.since(sigterm)).as("time until the stream completed")
			.isBetween(DRAIN_DELAY, DRAIN_DELAY.plus(ShutdownLoad.GRACE));
		ShutdownLoad.assertExitTook(exitTook, DRAIN_DELAY);
		assertThat(Files.readString(this.log)).doesNotContain("Exception");
	}

	private ServingStatus check(String service) {
		return HealthCheckCall.check(this.channel, service);
	}

}
