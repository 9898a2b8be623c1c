package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.HealthServiceServer;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that checks which hang, throw, flap every few milliseconds or return nothing
 * neither delay a healthy check nor slow the Health service down, that statuses settle to
 * the truth, and that queues and logs stay bounded.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultyChecksTests {

	private static final CheckSchedule SCHEDULE = new CheckSchedule(Duration.ofMillis(50), Duration.ofMillis(100));

	private static final CheckSchedule FLAPPING = new CheckSchedule(Duration.ofMillis(5), Duration.ofMillis(100));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 4);

	private final UninterruptibleHang hang = new UninterruptibleHang();

	private final AtomicInteger goodRuns = new AtomicInteger();

	private final AtomicInteger flaps = new AtomicInteger();

	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.inProcess();

	private ManagedChannel channel;

	@BeforeEach
	void start() {
		this.store.defineServices(
				Map.of("", Set.of("good"), "demo.Faulty", Set.of("good", "hangs", "throws", "flaps", "nothing")));
		this.store.setAcceptingTraffic(true);
		HealthGrpcService service = new HealthGrpcService(this.store, 100);
		this.channel = this.server.start(service).channel();
		List<CheckDefinition> checks = List.of(polled("good", () -> {
			this.goodRuns.incrementAndGet();
			return Health.up().build();
		}), polled("hangs", this.hang::hang), polled("throws", () -> {
			throw new IllegalStateException("always fails");
		}), polled("flaps",
				() -> (this.flaps.incrementAndGet() % 2 == 0) ? Health.up().build() : Health.down().build()),
				new CheckDefinition.Polled("nothing", () -> CompletableFuture.completedFuture(null)));
		this.runner.start(checks, (name) -> name.equals("flaps") ? FLAPPING : SCHEDULE);
	}

	@AfterEach
	void stop() {
		this.hang.release();
		this.runner.close();
	}

	@Test
	void faultyChecksSettleToTheTruthAndDelayNothingElse(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(statusOf("hangs")).isEqualTo(Status.DOWN);
			assertThat(statusOf("throws")).isEqualTo(Status.DOWN);
			assertThat(statusOf("nothing")).isEqualTo(Status.DOWN);
			assertThat(statusOf("good")).isEqualTo(Status.UP);
		});
		HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(this.channel);
		assertThat(check(health, "")).isEqualTo(ServingStatus.SERVING);
		assertThat(check(health, "demo.Faulty")).isEqualTo(ServingStatus.NOT_SERVING);

		// Two seconds of Check traffic while the faulty checks keep failing.
		int runsBefore = this.goodRuns.get();
		int flapsBefore = this.flaps.get();
		long startNanos = System.nanoTime();
		List<Long> latencies = new ArrayList<>();
		while (System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(2)) {
			long callStart = System.nanoTime();
			assertThat(check(health, "")).isEqualTo(ServingStatus.SERVING);
			latencies.add(System.nanoTime() - callStart);
			assertThat(this.runner.load().queued()).isLessThanOrEqualTo(5);
		}
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		int goodRunsDuring = this.goodRuns.get() - runsBefore;
		int flapsDuring = this.flaps.get() - flapsBefore;
		Collections.sort(latencies);
		long p50 = TimeUnit.NANOSECONDS.toMicros(latencies.get(latencies.size() / 2));
		long p99 = TimeUnit.NANOSECONDS.toMillis(latencies.get(latencies.size() * 99 / 100));
		long max = TimeUnit.NANOSECONDS.toMillis(latencies.get(latencies.size() - 1));
		int scheduledRuns = (int) (seconds / 0.05);
		System.out.printf(
				"faulty checks: %d Check calls in %.1fs, p50 %d us, p99 %d ms, max %d ms; good check ran "
						+ "%d of %d scheduled times (interval 50ms), flapping check %d times%n",
				latencies.size(), seconds, p50, p99, max, goodRunsDuring, scheduledRuns, flapsDuring);
		// A Check is a map lookup: milliseconds at worst, even on two cores shared with
		// other builds; the bounds leave room for a garbage collection or a descheduled
		// thread.
		assertThat(p99).isLessThan(40);
		assertThat(max).isLessThan(100);
		assertThat(goodRunsDuring).isGreaterThanOrEqualTo((int) (scheduledRuns * 0.9));
		assertThat(this.runner.load().skippedTicks()).isPositive();

		// The flapping check changed hundreds of times but logged about once a second.
		long flapLines = output.getAll().lines().filter((line) -> line.contains("'flaps'")).count();
		assertThat(flapsDuring).isGreaterThan(50);
		assertThat(flapLines).isLessThanOrEqualTo((long) Math.ceil(seconds) + 4);
		// The check that stays DOWN logged once, not once per run.
		assertThat(output.getAll().lines().filter((line) -> line.contains("Health check 'throws'")).count()).isOne();
	}

	@Test
	void watchAnswersAtOnceWhileChecksMisbehave() throws InterruptedException {
		CountDownLatch firstMessage = new CountDownLatch(1);
		AtomicBoolean notServing = new AtomicBoolean();
		HealthGrpc.newStub(this.channel)
			.watch(HealthCheckRequest.newBuilder().setService("demo.Faulty").build(),
					new io.grpc.stub.StreamObserver<HealthCheckResponse>() {
						@Override
						public void onNext(HealthCheckResponse value) {
							notServing.set(value.getStatus() == ServingStatus.NOT_SERVING);
							firstMessage.countDown();
						}

						@Override
						public void onError(Throwable t) {
						}

						@Override
						public void onCompleted() {
						}
					});
		assertThat(firstMessage.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(notServing).isTrue();
	}

	private static ServingStatus check(HealthGrpc.HealthBlockingStub health, String service) {
		return health.withDeadlineAfter(5, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

	private Status statusOf(String check) {
		Health health = this.store.checkResult(check);
		return (health != null) ? health.getStatus() : null;
	}

	private static CheckDefinition polled(String name, CheckRunnerTests.ThrowingSupplier supplier) {
		return new CheckDefinition.Polled(name, () -> CompletableFuture.completedFuture(supplier.get()));
	}

}
