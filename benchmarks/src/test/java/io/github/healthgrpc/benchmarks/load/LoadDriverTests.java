package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.sun.management.OperatingSystemMXBean;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second of each load driver against a real grpc-java server on a loopback port: what
 * the harness runs against every peer, kept short (the runs themselves are not tests).
 */
class LoadDriverTests {

	private final HealthStatusManager health = new HealthStatusManager();

	private Server server;

	@BeforeEach
	void startServer() throws IOException {
		this.health.setStatus("demo.Inventory", ServingStatus.SERVING);
		this.server = LoopbackServers.start(this.health.getHealthService());
	}

	@AfterEach
	void stopServer() throws InterruptedException {
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void checkLoadCountsCallsLatencyAndCpuPerCall() throws InterruptedException {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (Channels channels = new Channels(this.server.getPort(), 2)) {
			CheckLoad.Result result = new CheckLoad(channels, os::getProcessCpuTime).run(16, Duration.ofMillis(200),
					Duration.ofMillis(500));
			assertThat(result.failures()).isZero();
			assertThat(result.callsPerSecond()).isPositive();
			assertThat(result.p99Micros()).isGreaterThanOrEqualTo(result.p50Micros()).isPositive();
			assertThat(result.cpuMicrosPerCall()).isPositive();
		}
	}

	@Test
	void pacedLoadCompletesTheCallsItSent() throws InterruptedException {
		try (Channels channels = new Channels(this.server.getPort(), 2)) {
			long completed = new PacedCheckLoad(channels, "demo.Inventory").run(1_000, Duration.ofMillis(500))
				.completed();
			// 500 calls due; a busy machine may start fewer, never more.
			assertThat(completed).isBetween(50L, 500L);
		}
	}

	@Test
	void everyWatcherOfACrowdHearsAChangeAndItsEnd() throws InterruptedException {
		try (WatchCrowd crowd = WatchCrowd.open(this.server.getPort(), 150, "demo.Inventory", ServingStatus.SERVING)) {
			WatchCrowd.Expectation down = crowd.expect(ServingStatus.NOT_SERVING);
			long start = System.nanoTime();
			this.health.setStatus("demo.Inventory", ServingStatus.NOT_SERVING);
			assertThat(down.await(Duration.ofSeconds(30))).isTrue();
			assertThat(down.millisSince(start)).hasSize(150).doesNotContain(Double.POSITIVE_INFINITY);
			assertThat(down.millisSince(start)[0]).isNotNegative();
			this.server.shutdownNow();
			assertThat(crowd.awaitEnded(Duration.ofSeconds(30))).isTrue();
			assertThat(crowd.completed()).isZero();
			// Cut by the server: CANCELLED per call, or UNAVAILABLE if the connection
			// went first.
			assertThat(crowd.failures()).matches("\\{(CANCELLED|UNAVAILABLE)=150\\}");
		}
	}

}
