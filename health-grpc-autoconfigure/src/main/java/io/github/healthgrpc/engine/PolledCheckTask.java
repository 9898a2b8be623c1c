package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * One polled check: each tick of its interval queues an evaluation for a worker thread,
 * unless the previous one has not ended.
 *
 * <p>
 * Two deadlines keep the result honest. An evaluation must start within the check's
 * interval (by then it is overdue: every worker was busy) and, once started, answer
 * within the check's timeout; missing either makes the check DOWN with the reason. At the
 * timeout the worker is interrupted, which ends most blocking calls, and an asynchronous
 * answer is cancelled, which reaches the future or {@code Mono} the check returned. A
 * check that still does not return is stuck: its thread is written off and replaced, it
 * is never started twice, and it stays DOWN until it returns. A result is recorded on the
 * thread that produced it (only a missed deadline is recorded on the timer thread), and
 * only if no newer evaluation has recorded one.
 *
 * <p>
 * A check removed while its evaluation has not returned keeps that evaluation's thread
 * until it does, and a check added again under its name is its successor: it does not
 * start before that evaluation has returned, so a name holds at most one thread however
 * often its check is removed and added again.
 */
final class PolledCheckTask implements Runnable {

	private volatile CheckDefinition.Polled check;

	private final CheckSchedule schedule;

	private final ScheduledExecutorService timer;

	private final WorkerPool workers;

	private final BiConsumer<String, Health> recorder;

	private final CheckListener listener;

	private final LoadCounter load;

	private final StuckLog stuckLog;

	private final AtomicBoolean busy = new AtomicBoolean();

	private final Object recordLock = new Object();

	private long sequence;

	private long recordedSequence;

	private volatile @Nullable Evaluation current;

	private volatile boolean removed;

	private volatile boolean closing;

	// The removed check of the same name whose evaluation had not returned, until it has.
	private volatile @Nullable PolledCheckTask previous;

	private volatile long removedAt;

	// Guarded by the runner that owns the task.
	private @Nullable ScheduledFuture<?> polling;

	PolledCheckTask(CheckDefinition.Polled check, CheckSchedule schedule, ScheduledExecutorService timer,
			WorkerPool workers, BiConsumer<String, Health> recorder, CheckListener listener, LoadCounter load,
			@Nullable PolledCheckTask previous) {
		this.check = check;
		this.previous = previous;
		this.schedule = schedule;
		this.timer = timer;
		this.workers = workers;
		this.recorder = recorder;
		this.listener = listener;
		this.load = load;
		this.stuckLog = new StuckLog(check.name(), schedule.timeout());
	}

	/**
	 * Poll on the check's interval, starting now, unless it already polls.
	 */
	void poll() {
		if (this.polling == null && !this.removed) {
			long intervalNanos = this.schedule.interval().toNanos();
			this.polling = this.timer.scheduleAtFixedRate(this, 0, intervalNanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Stop polling; an evaluation already running finishes.
	 */
	void stopPolling() {
		if (this.polling != null) {
			this.polling.cancel(false);
			this.polling = null;
		}
	}

	/**
	 * Call the given definition from the next evaluation on, keeping the check's
	 * schedule, its result and its evaluation in progress.
	 * @param check the definition, under the check's name
	 */
	void update(CheckDefinition.Polled check) {
		this.check = check;
	}

	/**
	 * Whether an evaluation has started and not ended: it holds the check's thread or its
	 * answer.
	 * @return whether busy
	 */
	boolean isBusy() {
		return this.busy.get();
	}

	/**
	 * The task of this name whose evaluation has not ended: this one, or the removed one
	 * it waits for.
	 * @return that task, or {@code null} if none
	 */
	@Nullable PolledCheckTask unfinished() {
		if (isBusy()) {
			return this;
		}
		PolledCheckTask previous = this.previous;
		return (previous != null && previous.isBusy()) ? previous : null;
	}

	/**
	 * Whether the check is stuck: its evaluation, or that of the removed check it waits
	 * for, is past its timeout and has not returned.
	 * @return whether stuck
	 */
	boolean isStuck() {
		Evaluation evaluation = this.current;
		PolledCheckTask previous = this.previous;
		return (evaluation != null && evaluation.isStuck()) || (previous != null && previous.isStuck());
	}

	/**
	 * Remove the check for good: stop polling, record nothing more, and let go of the
	 * evaluation in progress as if it had timed out (its thread interrupted, and written
	 * off if it does not return, its answer cancelled), so a hanging check that goes
	 * frees its worker at once instead of at its timeout.
	 */
	void remove() {
		synchronized (this.recordLock) {
			this.removed = true;
		}
		this.removedAt = System.nanoTime();
		stopPolling();
		Evaluation evaluation = this.current;
		if (evaluation != null) {
			abandon(evaluation);
		}
	}

	@Override
	public void run() {
		if (waitsForPrevious() || !this.busy.compareAndSet(false, true)) {
			this.load.skipped();
			return;
		}
		Evaluation evaluation = new Evaluation(++this.sequence, this.workers);
		this.current = evaluation;
		evaluation.arm(after(this.schedule.interval(), () -> missStart(evaluation)));
		if (this.removed || this.closing) {
			// remove() or abandonCurrent() ran meanwhile and may have missed this
			// evaluation, which then ends without starting.
			abandon(evaluation);
		}
		try {
			this.workers.execute(() -> evaluate(evaluation));
		}
		catch (RejectedExecutionException ex) {
			// The engine is shutting down: nothing to evaluate or record.
			evaluation.disarm();
		}
	}

	// An interrupt usually ends the removed check's evaluation at once: it is said to be
	// stuck only once it has ignored it for a timeout, as a check's own evaluation is.
	private boolean waitsForPrevious() {
		PolledCheckTask previous = this.previous;
		if (previous == null) {
			return false;
		}
		if (!previous.isBusy()) {
			this.previous = null;
			return false;
		}
		if (System.nanoTime() - previous.removedAt >= this.schedule.timeout().toNanos()) {
			record(++this.sequence, CheckOutcomes.stillStuck());
		}
		return true;
	}

	/**
	 * Settle the evaluation in progress, and any that starts from now, as abandoned,
	 * before the engine interrupts its workers: the check then fails because the engine
	 * closes, which says nothing about its dependency, so it must not be timed or traced
	 * as an error.
	 */
	void abandonCurrent() {
		this.closing = true;
		Evaluation evaluation = this.current;
		if (evaluation != null) {
			evaluation.settle(EvaluationOutcome.ABANDONED, null);
		}
	}

	/**
	 * Cancel the outstanding answer, if any, as the engine closes.
	 */
	void cancel() {
		Evaluation evaluation = this.current;
		if (evaluation != null) {
			cancel(evaluation.pendingAnswer());
		}
	}

	private void evaluate(Evaluation evaluation) {
		this.load.started(this.check.name(), System.nanoTime() - evaluation.queuedAt,
				this.schedule.interval().toNanos());
		try {
			if (evaluation.enter(this.listener, this.check.name()) && armTimeout(evaluation)) {
				answer(evaluation);
			}
			else {
				// It missed its start deadline (already recorded), was removed, or the
				// engine is closing: no answer will come.
				evaluation.settle(EvaluationOutcome.ABANDONED, null);
				ended(evaluation.answerDone());
			}
		}
		finally {
			// Whatever happened on the way, the thread lets go: a check is never left
			// busy.
			ended(evaluation.leave());
		}
	}

	private boolean armTimeout(Evaluation evaluation) {
		try {
			evaluation.arm(after(this.schedule.timeout(), () -> missTimeout(evaluation)));
			return true;
		}
		catch (RejectedExecutionException ex) {
			// The engine closed while the evaluation waited for a worker.
			return false;
		}
	}

	private void answer(Evaluation evaluation) {
		CompletionStage<Health> answer;
		CheckEvaluation followed = evaluation.followed();
		// An evaluation settled already (abandoned, or timed out while it waited) has
		// been told how it ended: its scope is not opened after that.
		CheckEvaluation scoped = (followed != null && !evaluation.isSettled()) ? followed : CheckEvaluation.NONE;
		try (CheckEvaluation.Scope scope = scoped.openScope()) {
			answer = this.check.function().evaluate();
		}
		catch (Throwable ex) {
			complete(evaluation, null, ex);
			return;
		}
		if (answer == null) {
			complete(evaluation, null, null);
			return;
		}
		if (evaluation.answered(answer)) {
			cancel(answer);
		}
		answer.whenComplete((health, failure) -> complete(evaluation, health, failure));
	}

	// The answer is done, however recording it goes: a throw there must not leave the
	// check busy for good (inside whenComplete it would even go unseen).
	private void complete(Evaluation evaluation, @Nullable Health health, @Nullable Throwable failure) {
		try {
			settle(evaluation, health, failure);
		}
		finally {
			ended(evaluation.answerDone());
		}
	}

	private void missStart(Evaluation evaluation) {
		if (evaluation.settleUnstarted()) {
			record(evaluation.sequence,
					CheckOutcomes.of(null, new CheckTimeoutException(this.schedule.interval(), false)));
		}
	}

	private void missTimeout(Evaluation evaluation) {
		if (!evaluation.settle(EvaluationOutcome.TIMEOUT, null)) {
			return; // answered at the last moment
		}
		record(evaluation.sequence, CheckOutcomes.of(null, new CheckTimeoutException(this.schedule.timeout(), true)));
		// Recorded before the answer is cancelled: the cancellation may end the
		// evaluation and free the check for its next tick.
		cancel(evaluation.overdue());
		if (evaluation.isStuck()) {
			// An interrupt ends most blocking calls at once; a check that ignores it for
			// another timeout is reported.
			evaluation.arm(after(this.schedule.timeout(), () -> {
				if (evaluation.isStuck()) {
					this.stuckLog.stuck(evaluation.worker());
				}
			}));
		}
	}

	// Settles the evaluation without a result, so one that has not started never will;
	// safe to call twice.
	private void abandon(Evaluation evaluation) {
		evaluation.settle(EvaluationOutcome.ABANDONED, null);
		evaluation.disarm();
		if (evaluation.hasStarted()) {
			cancel(evaluation.overdue());
		}
	}

	private void settle(Evaluation evaluation, @Nullable Health health, @Nullable Throwable failure) {
		if (evaluation.settle(CheckOutcomes.outcome(health, failure), CheckOutcomes.unwrap(failure))) {
			evaluation.disarm();
			this.stuckLog.answered();
			record(evaluation.sequence, CheckOutcomes.of(health, failure));
		}
	}

	private void record(long sequence, Health health) {
		synchronized (this.recordLock) {
			// Evaluations end before the next starts, so results arrive in order; the
			// check makes it certain that an older result never overwrites a newer one.
			if (this.removed || sequence <= this.recordedSequence) {
				return;
			}
			this.recordedSequence = sequence;
			this.recorder.accept(this.check.name(), health);
		}
	}

	// Frees the check for its next tick once the evaluation has ended: its thread has let
	// go and its answer is done (leave() and answerDone() say which call ended it).
	private void ended(boolean ended) {
		if (ended) {
			this.busy.set(false);
		}
	}

	// Cancelled on the calling thread, the timer's at a timeout, as CompletableFuture's
	// own orTimeout does: what cancellation runs (disposing a subscription, aborting a
	// call) is brief by nature.
	private static void cancel(@Nullable CompletionStage<Health> answer) {
		if (answer != null) {
			try {
				answer.toCompletableFuture().cancel(true);
			}
			catch (UnsupportedOperationException ex) {
				// A stage that cannot be cancelled keeps the check busy until it
				// completes.
			}
		}
	}

	private ScheduledFuture<?> after(Duration delay, Runnable action) {
		return this.timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
	}

}
