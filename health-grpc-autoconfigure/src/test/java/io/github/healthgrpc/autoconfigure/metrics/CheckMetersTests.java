package io.github.healthgrpc.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckEvaluation;
import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.metrics.CheckMeters;
import io.github.healthgrpc.store.StatusStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each check's meters on the real engine: the timer's outcome for each way an evaluation
 * ends, the gauge following the latest result, the counter counting changes only, and
 * every meter of a check leaving with it.
 */
class CheckMetersTests {

	private static final CheckSchedule FAST = new CheckSchedule(Duration.ofMillis(50), Duration.ofSeconds(5));

	private static final CheckSchedule IMPATIENT = new CheckSchedule(Duration.ofMillis(50), Duration.ofMillis(100));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 4);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CountDownLatch never = new CountDownLatch(1);

	@BeforeEach
	void bind() {
		CheckMeters meters = new CheckMeters(this.store);
		meters.bindTo(this.registry);
		this.runner.addListener(new CheckMetersListener(meters));
	}

	@AfterEach
	void stop() {
		this.never.countDown();
		this.runner.close();
	}

	@Test
	void eachEvaluationIsTimedWithItsOutcome() {
		this.runner.start(List.of(polled("up", Health.up()::build), polled("down", Health.down()::build),
				polled("out", Health.outOfService()::build), polled("hangs", () -> {
					this.never.await();
					return Health.up().build();
				}), polled("throws", () -> {
					throw new IllegalStateException("broken");
				}), polled("null", () -> null)), (name) -> name.equals("hangs") ? IMPATIENT : FAST);
		await().untilAsserted(() -> {
			assertThat(outcomes("up")).containsExactly("UP");
			assertThat(outcomes("down")).containsExactly("DOWN");
			assertThat(outcomes("out")).containsExactly("DOWN");
			assertThat(outcomes("hangs")).containsExactly("timeout");
			assertThat(outcomes("throws")).containsExactly("error");
			assertThat(outcomes("null")).containsExactly("error");
		});
		Timer hangs = this.registry.get("grpc.health.check.duration").tag("check", "hangs").timer();
		// A timeout is timed up to the moment it was settled: at least the check's
		// timeout.
		assertThat(hangs.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
		assertThat(hangs.getId().getBaseUnit()).isEqualTo("seconds");
	}

	@Test
	void theGaugeFollowsTheLatestResult() {
		AtomicReference<Status> status = new AtomicReference<>(Status.DOWN);
		this.runner.start(List.of(polled("flips", () -> Health.status(status.get()).build())), (name) -> FAST);
		assertThat(up("flips")).isZero();
		await().until(() -> this.store.checkResult("flips") != null);
		assertThat(up("flips")).isZero();
		status.set(Status.UP);
		await().until(() -> up("flips") == 1);
		status.set(Status.OUT_OF_SERVICE);
		await().until(() -> up("flips") == 0);
	}

	@Test
	void theCounterCountsChangesNotEvaluations() {
		// What the store was told, in order: on a busy machine an evaluation that cannot
		// start within its interval is recorded DOWN too, and that is a change as well.
		List<Status> recorded = new CopyOnWriteArrayList<>();
		this.runner.addListener(new CheckListener() {

			@Override
			public void recorded(String checkName, Health health) {
				recorded.add(health.getStatus());
			}

		});
		AtomicReference<Status> status = new AtomicReference<>(Status.UP);
		this.runner.start(List.of(polled("steady", () -> Health.status(status.get()).build())), (name) -> FAST);
		await().until(() -> evaluations("steady") >= 10);
		await().untilAsserted(() -> assertThat(changes("steady")).isEqualTo(changesIn(recorded)));
		status.set(Status.DOWN);
		await().until(() -> recorded.get(recorded.size() - 1).equals(Status.DOWN));
		long evaluations = evaluations("steady");
		await().until(() -> evaluations("steady") >= evaluations + 10);
		await().untilAsserted(() -> assertThat(changes("steady")).isEqualTo(changesIn(recorded)));
		assertThat(changes("steady")).isPositive().isLessThan(recorded.size() / 2.0);
	}

	private static double changesIn(List<Status> recorded) {
		int changes = 0;
		for (int i = 1; i < recorded.size(); i++) {
			changes += recorded.get(i).equals(recorded.get(i - 1)) ? 0 : 1;
		}
		return changes;
	}

	@Test
	void aRemovedChecksMetersLeaveWithIt() {
		this.runner.start(List.of(polled("gone", Health.up()::build), polled("stays", Health.up()::build)),
				(name) -> FAST);
		await().until(() -> evaluations("gone") > 0);
		assertThat(meters("gone")).extracting((meter) -> meter.getId().getName())
			.containsExactlyInAnyOrder("grpc.health.check.duration", "grpc.health.check.up",
					"grpc.health.check.changes");
		this.runner.remove("gone");
		assertThat(meters("gone")).isEmpty();
		long evaluations = evaluations("stays");
		await().until(() -> evaluations("stays") >= evaluations + 5);
		assertThat(meters("gone")).isEmpty();
		assertThat(meters("stays")).hasSize(3);
	}

	@Test
	void aCheckRunningWhenTheEngineClosesIsNotTimed() {
		CountDownLatch ended = new CountDownLatch(1);
		// Heard after the meters' listener: once it hears the end, the timer has its
		// sample.
		this.runner.addListener(new CheckListener() {

			@Override
			public CheckEvaluation evaluationStarted(String checkName) {
				return (outcome, failure) -> ended.countDown();
			}

		});
		startHanging(this.runner, "running", this.never);
		// The interrupt makes the check throw; that is the engine closing, not an error.
		this.runner.close();
		await().until(() -> ended.getCount() == 0);
		assertThat(outcomes("running")).isEmpty();
	}

	private List<String> outcomes(String check) {
		return this.registry.find("grpc.health.check.duration")
			.tag("check", check)
			.timers()
			.stream()
			.filter((timer) -> timer.count() > 0)
			.map((timer) -> timer.getId().getTag("outcome"))
			.toList();
	}

	private long evaluations(String check) {
		return this.registry.find("grpc.health.check.duration")
			.tag("check", check)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private double up(String check) {
		return this.registry.get("grpc.health.check.up").tag("check", check).gauge().value();
	}

	private double changes(String check) {
		return this.registry.get("grpc.health.check.changes").tag("check", check).counter().count();
	}

	private List<Meter> meters(String check) {
		return this.registry.getMeters()
			.stream()
			.filter((meter) -> check.equals(meter.getId().getTag("check")))
			.toList();
	}

	// Starts one check that hangs until released, with a timeout the test never reaches,
	// and returns once it runs.
	static void startHanging(CheckRunner runner, String name, CountDownLatch release) {
		CountDownLatch entered = new CountDownLatch(1);
		runner.start(List.of(polled(name, () -> {
			entered.countDown();
			release.await();
			return Health.up().build();
		})), (check) -> new CheckSchedule(Duration.ofMillis(50), Duration.ofMinutes(1)));
		await().until(() -> entered.getCount() == 0);
	}

	static CheckDefinition polled(String name, Callable<Health> check) {
		return new CheckDefinition.Polled(name, () -> CompletableFuture.completedFuture(check.call()));
	}

}
