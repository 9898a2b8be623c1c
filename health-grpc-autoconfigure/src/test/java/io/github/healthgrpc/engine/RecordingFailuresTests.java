package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.HealthServiceServer;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Proves that a throw between a check's answer and the store (the rule that maps its
 * status, the rendering of its details or of its failure) neither freezes the check nor
 * goes unseen: the check counts as not serving while it throws, the store keeps a result
 * that agrees with what it publishes, the check keeps its schedule and is seen to
 * recover, and one warning names the check and the cause.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecordingFailuresTests {

	private static final CheckSchedule SCHEDULE = new CheckSchedule(Duration.ofMillis(100), Duration.ofSeconds(1));

	private static final int EVALUATIONS_WHILE_FAILING = 10;

	private final AtomicBoolean dependencyUp = new AtomicBoolean(true);

	private final AtomicInteger evaluations = new AtomicInteger();

	private StatusStore store;

	private CheckRunner runner;

	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.inProcess();

	@AfterEach
	void stop() {
		this.runner.close();
	}

	@Test
	void aMapperThatThrowsOnAStatusCountsAsNotServingAndTheCheckKeepsRunning(CapturedOutput output) {
		ServingStatusMapper mapper = (status) -> {
			if (Status.OUT_OF_SERVICE.equals(status)) {
				throw new IllegalStateException("unexpected status OUT_OF_SERVICE");
			}
			return ServingStatusMapper.getDefault().map(status);
		};
		start(mapper, polled(() -> this.dependencyUp.get() ? Health.up().build() : Health.outOfService().build()));
		failThenRecover(output, "unexpected status OUT_OF_SERVICE", () -> {
			// What the store keeps agrees with what it publishes: a DOWN result naming
			// the failure.
			Health kept = this.store.checkResult("dep");
			assertThat(kept.getStatus()).isEqualTo(Status.DOWN);
			assertThat(kept.getDetails().get("error").toString()).contains("OUT_OF_SERVICE")
				.contains("unexpected status OUT_OF_SERVICE");
			assertThat(this.store.health("demo.Dep").checks()).containsEntry("dep", Status.DOWN);
		});
	}

	@Test
	void aDetailWhoseToStringThrowsCountsAsNotServingAndTheCheckKeepsRunning(CapturedOutput output) {
		start(ServingStatusMapper.getDefault(), polled(() -> this.dependencyUp.get() ? Health.up().build()
				: Health.down().withDetail("connection", new UninitializedProxy()).build()));
		failThenRecover(output, "could not initialize proxy", () -> {
		});
	}

	@Test
	void aFailureWhoseMessageThrowsCountsAsNotServingAndTheCheckKeepsRunning(CapturedOutput output) {
		start(ServingStatusMapper.getDefault(), polled(() -> {
			if (!this.dependencyUp.get()) {
				throw new UnreadableException();
			}
			return Health.up().build();
		}));
		failThenRecover(output, UnreadableException.class.getName(), () -> {
		});
	}

	@Test
	void aPushedResultThatCannotBeRecordedCountsAsNotServingAndNeverReachesThePusher(CapturedOutput output) {
		AtomicReference<Consumer<Health>> push = new AtomicReference<>();
		start(ServingStatusMapper.getDefault(), new CheckDefinition.Pushed("dep", push::set));
		push.get().accept(Health.up().build());
		awaitStatus(ServingStatus.SERVING);
		for (int i = 0; i < 10; i++) {
			assertThatNoException().isThrownBy(
					() -> push.get().accept(Health.down().withDetail("connection", new UninitializedProxy()).build()));
		}
		assertThat(check()).isEqualTo(ServingStatus.NOT_SERVING);
		push.get().accept(Health.up().build());
		assertThat(check()).isEqualTo(ServingStatus.SERVING);
		assertThat(warnings(output, "could not initialize proxy")).isOne();
	}

	private void start(ServingStatusMapper mapper, CheckDefinition check) {
		this.store = new StatusStore(mapper);
		this.store.defineServices(Map.of("", Set.of(), "demo.Dep", Set.of("dep")));
		this.store.setAcceptingTraffic(true);
		this.runner = new CheckRunner(this.store, 2);
		this.server.start(new HealthGrpcService(this.store, 100));
		this.runner.start(List.of(check), (name) -> SCHEDULE);
	}

	private CheckDefinition polled(CheckRunnerTests.ThrowingSupplier answer) {
		return new CheckDefinition.Polled("dep", () -> {
			this.evaluations.incrementAndGet();
			return CompletableFuture.completedFuture(answer.get());
		});
	}

	private void failThenRecover(CapturedOutput output, String cause, Runnable whileFailing) {
		awaitStatus(ServingStatus.SERVING);
		this.dependencyUp.set(false);
		long failedAt = System.nanoTime();
		awaitStatus(ServingStatus.NOT_SERVING);
		int before = this.evaluations.get();
		// Still evaluated on its schedule while every result it gives throws on the way.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.evaluations.get() >= before + EVALUATIONS_WHILE_FAILING);
		assertThat(check()).isEqualTo(ServingStatus.NOT_SERVING);
		whileFailing.run();
		int failing = this.evaluations.get() - before;
		long recoveredAt = System.nanoTime();
		this.dependencyUp.set(true);
		awaitStatus(ServingStatus.SERVING);
		long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recoveredAt);
		long warnings = warnings(output, cause);
		System.out.printf(
				"recording throws (%s): NOT_SERVING, %d evaluations in %d ms while it threw (interval "
						+ "%d ms), SERVING %d ms after the dependency recovered, %d warning%n",
				cause, failing, TimeUnit.NANOSECONDS.toMillis(recoveredAt - failedAt), SCHEDULE.interval().toMillis(),
				recoveryMillis, warnings);
		assertThat(warnings).as("warnings naming the check and the cause").isOne();
	}

	private void awaitStatus(ServingStatus status) {
		await().atMost(Duration.ofSeconds(10)).until(this::check, status::equals);
	}

	private ServingStatus check() {
		return HealthGrpc.newBlockingStub(this.server.channel())
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService("demo.Dep").build())
			.getStatus();
	}

	private static long warnings(CapturedOutput output, String cause) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains(" WARN ") && line.contains("'dep'") && line.contains(cause))
			.count();
	}

	/**
	 * A detail such as a lazy proxy, which throws when it is rendered.
	 */
	static final class UninitializedProxy {

		@Override
		public String toString() {
			throw new IllegalStateException("could not initialize proxy - no session");
		}

	}

	/**
	 * A failure whose message cannot be read.
	 */
	static final class UnreadableException extends RuntimeException {

		@Override
		public String getMessage() {
			throw new IllegalStateException("message not available");
		}

	}

}
