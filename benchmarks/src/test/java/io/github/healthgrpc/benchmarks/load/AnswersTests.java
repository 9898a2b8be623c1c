package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Answers} as the Check loads count them: against a tiny server that
 * answers SERVING, NOT_SERVING, SERVICE_UNKNOWN and fails with UNAVAILABLE in turn (or
 * SERVING only), every answer is counted by its status and every error by its code,
 * exactly as the server gave them.
 */
class AnswersTests {

	private final RotatingHealth health = new RotatingHealth();

	private Server server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = LoopbackServers.start(this.health);
	}

	@AfterEach
	void stopServer() throws InterruptedException {
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void checkLoadCountsAnswersByStatusAndErrorsByCode() throws InterruptedException {
		this.health.rotate = true;
		try (Channels channels = new Channels(this.server.getPort(), 2)) {
			Answers answers = new CheckLoad(channels, () -> 0).run(8, Duration.ofMillis(100), Duration.ofMillis(300))
				.answers();
			// The lanes' last calls end after the run returns.
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertCountedAsServed(answers));
			System.out.println("Answers, closed loop: " + answers.describe());
			assertThat(answers.describe()).startsWith("**marked** (expected SERVING only): SERVING ")
				.contains(", NOT_SERVING ", ", SERVICE_UNKNOWN ", ", UNAVAILABLE (error) ");
		}
	}

	@Test
	void pacedLoadCountsAnswersByStatusAndErrorsByCode() throws InterruptedException {
		this.health.rotate = true;
		try (Channels channels = new Channels(this.server.getPort(), 2)) {
			PacedCheckLoad.Result result = new PacedCheckLoad(channels, "demo.Inventory").run(1_000,
					Duration.ofMillis(400));
			assertCountedAsServed(result.answers());
			assertThat(this.health.services).containsOnlyKeys("demo.Inventory");
			System.out.println("Answers, paced: " + result.answers().describe());
			assertThat(result.answers().marked()).isTrue();
		}
	}

	@Test
	void aLoadAnsweredAsExpectedIsNotMarked() throws InterruptedException {
		try (Channels channels = new Channels(this.server.getPort(), 2)) {
			Answers answers = new PacedCheckLoad(channels, "").run(1_000, Duration.ofMillis(200)).answers();
			assertCountedAsServed(answers);
			assertThat(answers.marked()).isFalse();
			assertThat(answers.unexpected()).isZero();
			assertThat(answers.describe()).matches("SERVING \\d+");
		}
	}

	private void assertCountedAsServed(Answers answers) {
		for (ServingStatus status : RotatingHealth.ANSWERS) {
			assertThat(answers.count(status)).as("%s answers", status).isEqualTo(this.health.served(status));
		}
		assertThat(answers.count(Status.Code.UNAVAILABLE)).as("UNAVAILABLE errors").isEqualTo(this.health.served(null));
		long unexpected = this.health.served(ServingStatus.NOT_SERVING)
				+ this.health.served(ServingStatus.SERVICE_UNKNOWN) + this.health.served(null);
		assertThat(answers.unexpected()).isEqualTo(unexpected);
	}

	/**
	 * Answers each status in turn, then fails a call with UNAVAILABLE; or SERVING only.
	 * Counts what it gave.
	 */
	private static final class RotatingHealth extends HealthGrpc.HealthImplBase {

		static final ServingStatus[] ANSWERS = { ServingStatus.SERVING, ServingStatus.NOT_SERVING,
				ServingStatus.SERVICE_UNKNOWN };

		private final AtomicLong calls = new AtomicLong();

		private final Map<ServingStatus, AtomicLong> given = new EnumMap<>(ServingStatus.class);

		private final AtomicLong failed = new AtomicLong();

		private final Map<String, AtomicLong> services = new ConcurrentHashMap<>();

		volatile boolean rotate;

		RotatingHealth() {
			for (ServingStatus status : ServingStatus.values()) {
				this.given.put(status, new AtomicLong());
			}
		}

		@Override
		public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> response) {
			this.services.computeIfAbsent(request.getService(), (s) -> new AtomicLong()).incrementAndGet();
			int turn = this.rotate ? (int) (this.calls.getAndIncrement() % (ANSWERS.length + 1)) : 0;
			if (turn == ANSWERS.length) {
				this.failed.incrementAndGet();
				response.onError(Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
				return;
			}
			this.given.get(ANSWERS[turn]).incrementAndGet();
			response.onNext(HealthCheckResponse.newBuilder().setStatus(ANSWERS[turn]).build());
			response.onCompleted();
		}

		long served(ServingStatus status) {
			return (status != null) ? this.given.get(status).get() : this.failed.get();
		}

	}

}
