package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Overrides: a result that stands in for a check's own until it is restored, as a test
 * simulates an outage.
 */
class CheckOverrideTests {

	private static final CheckSchedule FAST = new CheckSchedule(Duration.ofMillis(20), Duration.ofMillis(500));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 2);

	@AfterEach
	void stop() {
		this.runner.close();
	}

	@Test
	void anOverrideIsRecordedAtOnceAndOutlivesTheCheckSOwnEvaluations() {
		AtomicInteger evaluations = new AtomicInteger();
		start(CheckRunnerTests.polled("db", () -> {
			evaluations.incrementAndGet();
			return Health.up().build();
		}));
		await().untilAsserted(() -> assertThat(statusOf("db")).isEqualTo(Status.UP));
		this.runner.override("db", Health.down().withDetail("reason", "simulated").build());
		assertThat(statusOf("db")).isEqualTo(Status.DOWN);
		int atOverride = evaluations.get();
		// The check keeps its schedule; none of its own (UP) results reaches the store.
		// Its fifth evaluation since the override has begun, so four have ended (a check
		// is never started again while it runs) and had their results recorded, or not.
		await().atMost(Duration.ofSeconds(2)).until(() -> evaluations.get() > atOverride + 4);
		assertThat(statusOf("db")).isEqualTo(Status.DOWN);
		assertThat(evaluations.get()).isGreaterThan(atOverride + 3);
		assertThat(this.runner.overridden()).containsExactly("db");
	}

	@Test
	void restoringRecordsTheCheckSLatestOwnResultAtOnce() {
		AtomicReference<Health> own = new AtomicReference<>(Health.up().build());
		AtomicInteger evaluations = new AtomicInteger();
		start(CheckRunnerTests.polled("db", () -> {
			evaluations.incrementAndGet();
			return own.get();
		}));
		await().untilAsserted(() -> assertThat(statusOf("db")).isEqualTo(Status.UP));
		this.runner.override("db", Health.down().build());
		own.set(Health.outOfService().build());
		await().untilAsserted(() -> assertThat(this.runner.overridden()).containsExactly("db"));
		// The check produces its new own result behind the override: an evaluation begun
		// after the change has ended once the next one begins.
		int atChange = evaluations.get();
		await().atMost(Duration.ofSeconds(2)).until(() -> evaluations.get() > atChange + 1);
		assertThat(statusOf("db")).isEqualTo(Status.DOWN);
		assertThat(this.runner.restore("db")).isTrue();
		assertThat(statusOf("db")).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(this.runner.overridden()).isEmpty();
		assertThat(this.runner.restore("db")).isFalse();
	}

	@Test
	void restoringAPushedCheckThatNeverHadAResultLeavesItWithoutOne() {
		AtomicReference<Consumer<Health>> push = new AtomicReference<>();
		start(new CheckDefinition.Pushed("cache", push::set));
		this.runner.override("cache", Health.up().build());
		assertThat(statusOf("cache")).isEqualTo(Status.UP);
		// What the application pushes meanwhile is kept for the restore, not recorded.
		push.get().accept(Health.down().build());
		assertThat(statusOf("cache")).isEqualTo(Status.UP);
		this.runner.restore("cache");
		assertThat(statusOf("cache")).isEqualTo(Status.DOWN);
		AtomicReference<Consumer<Health>> push2 = new AtomicReference<>();
		this.runner.add(new CheckDefinition.Pushed("warm", push2::set), FAST);
		this.runner.override("warm", Health.up().build());
		this.runner.restore("warm");
		assertThat(this.store.checkResult("warm")).isNull();
	}

	@Test
	void overridingAnUnknownCheckFailsNamingTheChecksThatRun() {
		start(CheckRunnerTests.polled("db", () -> Health.up().build()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.runner.override("dv", Health.down().build()))
			.withMessage("No check named 'dv' runs; the checks that run are [db]");
	}

	@Test
	void removingAnOverriddenCheckEndsItsOverride() {
		start(CheckRunnerTests.polled("db", () -> Health.up().build()));
		this.runner.override("db", Health.down().build());
		this.runner.remove("db");
		assertThat(this.runner.overridden()).isEmpty();
		assertThat(this.store.checkResult("db")).isNull();
	}

	private void start(CheckDefinition... checks) {
		this.runner.start(List.of(checks), (name) -> FAST);
	}

	private Status statusOf(String check) {
		Health health = this.store.checkResult(check);
		return (health != null) ? health.getStatus() : null;
	}

}
