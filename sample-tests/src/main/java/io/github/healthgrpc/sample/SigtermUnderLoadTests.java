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

import static io.github.healthgrpc.sample.HealthCheckCall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that a real SIGTERM to the sample in its own JVM, with 1,000 Watch calls
 * attached and Check calls in flight, tells every watcher NOT_SERVING, completes every
 * stream (also those of watchers that arrive during the drain) after the drain delay,
 * ends every Check call (NOT_SERVING during the drain, UNAVAILABLE at once after), and
 * lets the process exit within the drain delay plus {@link ShutdownLoad#EXIT_GRACE}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroy() is not SIGTERM on Windows")
class SigtermUnderLoadTests {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static final Duration PATIENCE = AbstractSampleServerTests.PATIENCE;

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);

	/**
	 * What a JVM ends with when SIGTERM stopped it and its shutdown hooks ran: 128 + 15.
	 */
	private static final int SIGTERM_EXIT_CODE = 143;

	private final Path log = Path.of("target", "sigterm-under-load-sample.log");

	private final PricingServer pricing = PricingServer.onFreePort();

	private Process process;

	private ShutdownLoad load;

	@AfterEach
	void stopEverything() throws InterruptedException {
		if (this.load != null) {
			this.load.close();
		}
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		this.pricing.close();
	}

	@Test
	void sigtermWithAThousandWatchersAndChecksInFlightIsTruthfulAndExitsWithinTheDrainPlusGrace() throws Exception {
		this.pricing.open();
		int grpcPort = PricingServer.freePort();
		this.process = SampleJvm.start(grpcPort, this.log, "--sample.pricing.address=" + this.pricing.address(),
				"--grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms");
		awaitEveryServiceServing(grpcPort);
		this.load = ShutdownLoad.attach(grpcPort, PATIENCE);
		this.load.startChecks(PATIENCE);

		long sigterm = System.nanoTime();
		this.process.destroy();
		this.load.attachLateWatchers(grpcPort, PATIENCE);
		// Bounded well beyond the assertion below, so that a slow exit fails with
		// figures.
		boolean exited = this.process.waitFor(DRAIN_DELAY.plus(PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
		Duration exitTook = Duration.ofNanos(System.nanoTime() - sigterm);
		assertThat(exited).as("sample JVM exited after SIGTERM, see %s", this.log.toAbsolutePath()).isTrue();
		this.load.awaitEnd(PATIENCE);
		this.load.print("SIGTERM", sigterm, exitTook, DRAIN_DELAY);

		this.load.assertTruthful(sigterm, DRAIN_DELAY);
		ShutdownLoad.assertExitTook(exitTook, DRAIN_DELAY);
		assertThat(this.process.exitValue()).as("exit code, see %s", this.log).isEqualTo(SIGTERM_EXIT_CODE);
		String output = Files.readString(this.log);
		assertThat(output).contains("Completed gRPC server shutdown").doesNotContain("Exception");
	}

	private void awaitEveryServiceServing(int grpcPort) throws InterruptedException {
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
		try {
			for (String service : ShutdownLoad.SERVICES) {
				await().atMost(STARTUP).ignoreException(StatusRuntimeException.class).until(() -> {
					assertThat(this.process.isAlive()).as("sample JVM running, see %s", this.log.toAbsolutePath())
						.isTrue();
					return check(channel, service) == ServingStatus.SERVING;
				});
			}
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

}
