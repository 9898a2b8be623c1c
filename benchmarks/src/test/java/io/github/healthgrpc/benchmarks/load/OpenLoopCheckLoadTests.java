package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-loop load against a real server on a loopback port that stalls every call for
 * 300 ms once, the way a long GC pause would: with only 16 calls allowed in flight, the
 * sender is held up for the whole stall, yet the calls it could not send on time carry
 * the wait in their latency, because each is timed from its intended send time.
 */
class OpenLoopCheckLoadTests {

	private static final long STALL_MILLIS = 300;

	// When the stall starts (0: not yet armed); every call that arrives before its end
	// waits until then.
	private final AtomicLong stallEnd = new AtomicLong();

	private Server server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = LoopbackServers.start(new StallingHealth());
	}

	@AfterEach
	void stopServer() throws InterruptedException {
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void aStallShowsInTheLatencyOfEveryCallDueDuringIt() throws InterruptedException {
		try (Channels channels = new Channels(this.server.getPort(), 2)) {
			OpenLoopCheckLoad load = new OpenLoopCheckLoad(channels, "", 16);
			// Warm both ends up, then arm the stall half a second into the measured run.
			load.run(1_000, Duration.ofMillis(500));
			this.stallEnd.set(-1);
			OpenLoopCheckLoad.Result result = load.run(1_000, Duration.ofSeconds(3));
			System.out.printf(
					"open loop 1,000/s with a %d ms stall: achieved %.0f/s, p50 %.0f µs, p99 %.0f µs, "
							+ "p99.9 %.0f µs, max %.0f µs, failed %d%n",
					STALL_MILLIS, result.achievedRate(), result.p50Micros(), result.p99Micros(), result.p999Micros(),
					result.maxMicros(), result.failures());
			assertThat(result.failures()).isZero();
			assertThat(result.completed()).isEqualTo(3_000);
			// About 300 of the 1,500 calls were due during the stall, waiting 0 to 300
			// ms:
			// the p99 sits near the whole stall. Timed from when they were sent, all but
			// the
			// 16 in flight would look fast and the p99 would stay under a few ms.
			assertThat(result.p99Micros()).isGreaterThan(200_000);
			assertThat(result.maxMicros()).isGreaterThan(250_000);
		}
	}

	private final class StallingHealth extends HealthGrpc.HealthImplBase {

		@Override
		public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> observer) {
			long end = OpenLoopCheckLoadTests.this.stallEnd.get();
			if (end == -1) {
				// The first call after arming starts the stall in 500 ms' worth of calls.
				end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500 + STALL_MILLIS);
				if (!OpenLoopCheckLoadTests.this.stallEnd.compareAndSet(-1, end)) {
					end = OpenLoopCheckLoadTests.this.stallEnd.get();
				}
			}
			long wait = end - System.nanoTime();
			if (end != 0 && wait > 0 && wait <= TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
				try {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			observer.onNext(HealthCheckResponse.newBuilder().setStatus(ServingStatus.SERVING).build());
			observer.onCompleted();
		}

	}

}
