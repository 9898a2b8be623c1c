package io.github.healthgrpc.engine;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * One evaluation of a polled check, from the tick that queued it until it has ended: its
 * worker thread has let go and its answer has completed. Only then may the check start
 * again, so a check never has two evaluations, or two answers, outstanding.
 *
 * <p>
 * Its outcome is settled once, by whichever comes first: the answer, a failure, or a
 * missed deadline. An evaluation that missed its timeout but has not ended is stuck: its
 * thread, if it still holds one, is interrupted and written off, and its answer, if it
 * gave one, is cancelled.
 */
final class Evaluation {

	final long sequence;

	final long queuedAt = System.nanoTime();

	private final AtomicBoolean settled = new AtomicBoolean();

	private final WorkerPool workers;

	private @Nullable ScheduledFuture<?> deadline;

	private @Nullable Thread worker;

	private @Nullable CompletionStage<Health> answer;

	private @Nullable CheckEvaluation followed;

	private boolean started;

	private boolean overdue;

	private boolean writtenOff;

	private boolean workerDone;

	private boolean answerDone;

	private boolean ended;

	private boolean stuck;

	Evaluation(long sequence, WorkerPool workers) {
		this.sequence = sequence;
		this.workers = workers;
	}

	/**
	 * Settle the outcome, once, and tell whoever follows the evaluation how it ended.
	 * @param outcome how it ended
	 * @param failure what the check threw, for an error
	 * @return whether this call settled it
	 */
	boolean settle(EvaluationOutcome outcome, @Nullable Throwable failure) {
		if (!this.settled.compareAndSet(false, true)) {
			return false;
		}
		CheckEvaluation followed = followed();
		if (followed != null) {
			followed.ended(outcome, failure);
		}
		return true;
	}

	/**
	 * Settle the outcome as "could not start", unless a worker has started it.
	 * @return whether this call settled it
	 */
	synchronized boolean settleUnstarted() {
		return !this.started && settle(EvaluationOutcome.TIMEOUT, null);
	}

	/**
	 * Start on the current thread, unless the start deadline has settled the evaluation.
	 * Whoever follows it starts following under the same lock, so that whichever thread
	 * settles the evaluation, now or later, tells them how it ended.
	 * @param listener whoever follows the evaluation
	 * @param checkName the check's name, as the listener hears it
	 * @return whether to evaluate
	 */
	synchronized boolean enter(CheckListener listener, String checkName) {
		if (this.settled.get()) {
			return false;
		}
		this.started = true;
		this.worker = Thread.currentThread();
		this.followed = listener.evaluationStarted(checkName);
		return true;
	}

	/**
	 * Whoever follows this evaluation, once it has started.
	 * @return them, or {@code null} before the start
	 */
	synchronized @Nullable CheckEvaluation followed() {
		return this.followed;
	}

	/**
	 * Let go of the current thread. Clears its interrupt under the same lock as
	 * {@link #overdue()}, so an interrupt meant for this check never reaches the next
	 * task the thread runs, and counts the thread against the pool again if it was
	 * written off.
	 * @return whether the evaluation ended
	 */
	synchronized boolean leave() {
		this.worker = null;
		Thread.interrupted();
		if (this.writtenOff) {
			this.writtenOff = false;
			this.workers.rejoin();
		}
		this.workerDone = true;
		return end();
	}

	/**
	 * Remember the answer, to cancel it if it comes too late.
	 * @param answer the stage the check returned
	 * @return whether the evaluation is already overdue, so the answer must be cancelled
	 * now
	 */
	synchronized boolean answered(CompletionStage<Health> answer) {
		this.answer = answer;
		return this.overdue;
	}

	/**
	 * The answer completed, or there will be none.
	 * @return whether the evaluation ended
	 */
	synchronized boolean answerDone() {
		this.answerDone = true;
		return end();
	}

	/**
	 * The timeout passed before the evaluation settled: interrupt its thread and write it
	 * off, and count the evaluation as stuck until it ends. Only the first call does so.
	 * @return the answer to cancel, if any
	 */
	synchronized @Nullable CompletionStage<Health> overdue() {
		if (this.overdue) {
			// A removed check is let go of once more after its timeout: count it once.
			return pendingAnswer();
		}
		this.overdue = true;
		if (this.ended) {
			return null;
		}
		this.stuck = true;
		if (this.worker != null) {
			this.worker.interrupt();
			this.writtenOff = true;
			this.workers.writeOff();
		}
		return this.answer;
	}

	synchronized @Nullable CompletionStage<Health> pendingAnswer() {
		return this.ended ? null : this.answer;
	}

	boolean isSettled() {
		return this.settled.get();
	}

	synchronized boolean hasStarted() {
		return this.started;
	}

	synchronized boolean isStuck() {
		return this.stuck && !this.ended;
	}

	synchronized @Nullable Thread worker() {
		return this.worker;
	}

	synchronized void arm(ScheduledFuture<?> next) {
		disarm();
		this.deadline = next;
	}

	synchronized void disarm() {
		if (this.deadline != null) {
			this.deadline.cancel(false);
		}
	}

	private boolean end() {
		if (this.ended || !this.workerDone || !this.answerDone) {
			return false;
		}
		this.ended = true;
		disarm();
		return true;
	}

}
