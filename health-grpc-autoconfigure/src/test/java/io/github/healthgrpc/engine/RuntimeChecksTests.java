package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.github.healthgrpc.engine.CheckRunnerTests.polled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Checks added to and removed from a running, paused or not yet started engine, as health
 * contributors registered at runtime come and go.
 */
class RuntimeChecksTests {

	private static final CheckSchedule FAST = new CheckSchedule(Duration.ofMillis(50), Duration.ofSeconds(1));

	private static final CheckSchedule PATIENT = new CheckSchedule(Duration.ofMillis(50), Duration.ofMinutes(1));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 1);

	private final UninterruptibleHang hang = new UninterruptibleHang();

	@AfterEach
	void stop() {
		this.hang.release();
		this.runner.close();
	}

	@Test
	void aCheckAddedWhileRunningIsPolledOnItsSchedule() {
		this.runner.start(List.of(), (name) -> FAST);
		AtomicInteger runs = new AtomicInteger();
		this.runner.add(polled("late", () -> {
			runs.incrementAndGet();
			return Health.up().build();
		}), FAST);
		await().untilAsserted(() -> assertThat(runs.get()).isGreaterThan(3));
		assertThat(statusOf("late")).isEqualTo(Status.UP);
	}

	@Test
	void aCheckAddedBeforeStartOrWhilePausedWaitsForTheEngine() {
		AtomicInteger runs = new AtomicInteger();
		this.runner.add(polled("early", () -> {
			runs.incrementAndGet();
			return Health.up().build();
		}), FAST);
		// An engine not started has no timer to count: intervals pass on one of its own.
		try (Ticks ticks = Ticks.ownEngine(FAST)) {
			ticks.awaitMore(4);
		}
		assertThat(runs.get()).isZero();
		this.runner.start(List.of(), (name) -> FAST);
		await().until(() -> runs.get() > 0);
		this.runner.pause();
		AtomicInteger pausedRuns = new AtomicInteger();
		this.runner.add(polled("paused", () -> {
			pausedRuns.incrementAndGet();
			return Health.up().build();
		}), FAST);
		try (Ticks ticks = Ticks.ownEngine(FAST)) {
			ticks.awaitMore(4);
		}
		assertThat(pausedRuns.get()).isZero();
		this.runner.resume();
		await().until(() -> pausedRuns.get() > 0);
	}

	@Test
	void aRemovedCheckRunsNoMoreAndItsResultIsForgotten() {
		AtomicInteger runs = new AtomicInteger();
		this.runner.start(List.of(counted("gone", runs, Status.UP)), (name) -> FAST);
		await().until(() -> statusOf("gone") == Status.UP);
		assertThat(this.runner.remove("gone")).isTrue();
		assertThat(this.store.checkResult("gone")).isNull();
		int runsWhenRemoved = runs.get();
		// Intervals of its schedule pass on the same engine's timer.
		Ticks.on(this.runner, FAST).awaitMore(4);
		assertThat(runs.get()).isLessThanOrEqualTo(runsWhenRemoved + 1);
		assertThat(this.store.checkResult("gone")).isNull();
		assertThat(this.runner.remove("gone")).isFalse();
	}

	@Test
	void anAnswerThatComesAfterItsCheckWasRemovedIsNeverRecordedAndIsCancelled() {
		CompletableFuture<Health> answer = new CompletableFuture<>();
		AtomicInteger calls = new AtomicInteger();
		this.runner.start(List.of(new CheckDefinition.Polled("async", () -> {
			calls.incrementAndGet();
			return answer;
		})), (name) -> PATIENT);
		await().until(() -> calls.get() == 1);
		this.runner.remove("async");
		assertThat(answer).isCancelled();
		// Even an answer that completes anyway (a stage that ignores cancellation) is
		// dropped.
		answer.obtrudeValue(Health.up().build());
		// Evaluations of another check begin and end on the same (single) worker
		// meanwhile.
		Ticks.on(this.runner, PATIENT).awaitMore(3);
		assertThat(this.store.checkResult("async")).isNull();
	}

	@Test
	void aHangingCheckThatIsRemovedFreesItsWorkerAtOnce() {
		// One worker, held by a check that ignores interrupts and has a one-minute
		// timeout: the other check cannot start until the hanging one is removed.
		AtomicInteger hangs = new AtomicInteger();
		this.runner.start(List.of(polled("hangs", () -> {
			hangs.incrementAndGet();
			return this.hang.hang();
		}), polled("waiting", () -> Health.up().build())), (name) -> PATIENT);
		await().until(() -> hangs.get() == 1);
		// It cannot start within its interval: DOWN, saying so (and so never UP before).
		await().atMost(Duration.ofSeconds(2)).until(() -> statusOf("waiting") == Status.DOWN);
		this.runner.remove("hangs");
		await().atMost(Duration.ofSeconds(2)).until(() -> statusOf("waiting") == Status.UP);
		assertThat(this.runner.load().threadsWrittenOff()).isOne();
		this.hang.release();
		await().until(() -> this.runner.load().stuck() == 0);
		assertThat(this.store.checkResult("hangs")).isNull();
	}

	@Test
	void aStuckCheckThatIsRemovedIsNoLongerCountedStuck() {
		this.runner.start(List.of(polled("hangs", this.hang::hang)),
				(name) -> new CheckSchedule(Duration.ofMillis(50), Duration.ofMillis(100)));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.runner.load().stuck() == 1);
		this.runner.remove("hangs");
		// Its thread still hangs, written off; but no check is stuck any more.
		assertThat(this.runner.load().stuck()).isZero();
		assertThat(this.runner.load().threadsWrittenOff()).isOne();
	}

	@Test
	void aCheckRemovedWhileItRunsAndAddedAgainStartsAsSoonAsTheInterruptEndsItsEvaluation() {
		AtomicInteger starts = new AtomicInteger();
		CheckDefinition sleepy = polled("sleepy", () -> {
			starts.incrementAndGet();
			Thread.sleep(60_000);
			return Health.up().build();
		});
		this.runner.start(List.of(sleepy), (name) -> FAST);
		await().until(() -> starts.get() == 1);
		this.runner.remove("sleepy");
		this.runner.add(sleepy, FAST);
		// It honours the interrupt: started again within a few intervals, never said to
		// be stuck.
		await().atMost(Duration.ofSeconds(2)).until(() -> starts.get() == 2);
		assertThat(this.store.checkResult("sleepy")).isNull();
		assertThat(this.runner.load().threadsWrittenOff()).isOne();
	}

	@Test
	void aCheckUpdatedUnderItsNameKeepsItsResultAndItsScheduleAndCallsTheNewFunctionFromItsNextEvaluation() {
		CheckSchedule hourly = new CheckSchedule(Duration.ofHours(1), Duration.ofSeconds(1));
		AtomicInteger firstRuns = new AtomicInteger();
		this.runner.start(List.of(counted("db", firstRuns, Status.UP)), (name) -> hourly);
		await().until(() -> statusOf("db") == Status.UP);
		AtomicInteger secondRuns = new AtomicInteger();
		assertThat(this.runner.update(counted("db", secondRuns, Status.DOWN), hourly)).isTrue();
		// Not started again: its next evaluation is an hour away, and its result stands
		// while a check on a fast schedule runs several times on the same engine.
		Ticks.on(this.runner, FAST).awaitMore(4);
		assertThat(statusOf("db")).isEqualTo(Status.UP);
		assertThat(secondRuns.get()).isZero();
		assertThat(firstRuns.get()).isOne();
		assertThat(this.runner.update(polled("unknown", () -> Health.up().build()), FAST)).isFalse();
	}

	@Test
	void aCheckUpdatedUnderItsNameIsCalledAtItsNextEvaluation() {
		this.runner.start(List.of(polled("db", () -> Health.up().build())), (name) -> FAST);
		await().until(() -> statusOf("db") == Status.UP);
		this.runner.update(polled("db", () -> Health.down().build()), FAST);
		await().atMost(Duration.ofSeconds(2)).until(() -> statusOf("db") == Status.DOWN);
	}

	@Test
	void aRemovedPushedCheckRecordsNothingMore() {
		Consumer<Health>[] sink = new Consumer[1];
		this.runner.start(List.of(new CheckDefinition.Pushed("cache", (subscriber) -> sink[0] = subscriber)),
				(name) -> FAST);
		sink[0].accept(Health.up().build());
		assertThat(statusOf("cache")).isEqualTo(Status.UP);
		this.runner.remove("cache");
		sink[0].accept(Health.down().build());
		assertThat(this.store.checkResult("cache")).isNull();
	}

	@Test
	void aPushedCheckAddedBeforeStartIsSubscribedWhenTheEngineStarts() {
		Consumer<Health>[] sink = new Consumer[1];
		this.runner.add(new CheckDefinition.Pushed("cache", (subscriber) -> sink[0] = subscriber), FAST);
		assertThat(sink[0]).isNull();
		this.runner.start(List.of(), (name) -> FAST);
		sink[0].accept(Health.up().build());
		assertThat(statusOf("cache")).isEqualTo(Status.UP);
	}

	@Test
	void aCheckRemovedAndAddedAgainUnderItsNameRunsTheNewDefinition() {
		AtomicInteger oldRuns = new AtomicInteger();
		this.runner.start(List.of(counted("db", oldRuns, Status.UP)), (name) -> FAST);
		await().until(() -> statusOf("db") == Status.UP);
		this.runner.remove("db");
		int oldRunsWhenRemoved = oldRuns.get();
		AtomicInteger newRuns = new AtomicInteger();
		this.runner.add(counted("db", newRuns, Status.DOWN), FAST);
		// DOWN from the new definition's first result on, through several of its runs:
		// the old one is not run again.
		await().atMost(Duration.ofSeconds(2)).until(() -> statusOf("db") == Status.DOWN);
		await().atMost(Duration.ofSeconds(2)).until(() -> newRuns.get() >= 4);
		assertThat(statusOf("db")).isEqualTo(Status.DOWN);
		assertThat(oldRuns.get()).isEqualTo(oldRunsWhenRemoved);
	}

	@Test
	void addingACheckWhoseNameIsTakenFails() {
		this.runner.start(List.of(polled("db", () -> Health.up().build())), (name) -> FAST);
		assertThatIllegalStateException().isThrownBy(() -> this.runner.add(polled("db", Health.up()::build), FAST))
			.withMessageContaining("'db' is already running");
	}

	@Test
	void aClosedEngineAddsNothing() {
		AtomicInteger runs = new AtomicInteger();
		this.runner.close();
		this.runner.add(polled("late", () -> {
			runs.incrementAndGet();
			return Health.up().build();
		}), FAST);
		this.runner.start(List.of(), (name) -> FAST);
		// A closed engine has no timer to count: intervals pass on one of its own.
		try (Ticks ticks = Ticks.ownEngine(FAST)) {
			ticks.awaitMore(4);
		}
		assertThat(runs.get()).isZero();
	}

	private static CheckDefinition counted(String name, AtomicInteger runs, Status status) {
		return polled(name, () -> {
			runs.incrementAndGet();
			return Health.status(status).build();
		});
	}

	private Status statusOf(String check) {
		Health health = this.store.checkResult(check);
		return (health != null) ? health.getStatus() : null;
	}

}
