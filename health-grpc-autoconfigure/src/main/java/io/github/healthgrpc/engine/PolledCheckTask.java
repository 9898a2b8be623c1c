package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
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
 * unless the previous one is still running.
 *
 * <p>Two deadlines keep the result honest. An evaluation must start within the check's
 * interval (by then it is overdue: every worker was busy) and, once started, answer within
 * the check's timeout; missing either makes the check DOWN with the reason. The timeout
 * interrupts the worker, which ends most blocking calls. A check that never returns holds
 * at most one worker thread and is never started twice: its ticks are skipped and it stays
 * DOWN until it returns.
 */
final class PolledCheckTask implements Runnable {

	private final CheckDefinition.Polled check;

	private final CheckSchedule schedule;

	private final ScheduledExecutorService timer;

	private final Executor workers;

	private final BiConsumer<String, Health> recorder;

	private final LoadCounter load;

	private final AtomicBoolean busy = new AtomicBoolean();

	private @Nullable Thread worker;

	PolledCheckTask(CheckDefinition.Polled check, CheckSchedule schedule, ScheduledExecutorService timer,
			Executor workers, BiConsumer<String, Health> recorder, LoadCounter load) {
		this.check = check;
		this.schedule = schedule;
		this.timer = timer;
		this.workers = workers;
		this.recorder = recorder;
		this.load = load;
	}

	ScheduledFuture<?> schedule() {
		long intervalNanos = this.schedule.interval().toNanos();
		return this.timer.scheduleAtFixedRate(this, 0, intervalNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void run() {
		if (!this.busy.compareAndSet(false, true)) {
			this.load.skipped();
			return;
		}
		Evaluation evaluation = new Evaluation();
		// Arm the start deadline and attach the recording before the evaluation can start,
		// so a result is recorded on the worker that produced it, never on the timer thread
		// (only a missed deadline is recorded there).
		evaluation.arm(this.schedule.interval(), false);
		evaluation.result.whenComplete((health, failure) -> {
			evaluation.disarm();
			this.recorder.accept(this.check.name(), CheckOutcomes.of(health, failure));
		});
		CompletableFuture.allOf(evaluation.result, evaluation.workerDone)
			.whenComplete((ignored, failure) -> this.busy.set(false));
		try {
			this.workers.execute(() -> evaluate(evaluation));
		}
		catch (RejectedExecutionException ex) {
			// The engine is shutting down: nothing to evaluate or record.
			evaluation.disarm();
		}
	}

	private void evaluate(Evaluation evaluation) {
		// Known to the deadline before anything else, so a deadline that fires from here
		// on can interrupt this thread.
		setWorker(Thread.currentThread());
		try {
			this.load.started(this.check.name(), System.nanoTime() - evaluation.queuedAt,
					this.schedule.interval().toNanos());
			if (evaluation.result.isDone()) {
				return; // missed its start deadline, already recorded
			}
			evaluation.arm(this.schedule.timeout(), true);
			CompletionStage<Health> stage = this.check.function().evaluate();
			evaluation.answer = stage;
			stage.whenComplete((health, failure) -> complete(evaluation.result, health, failure));
		}
		catch (Throwable ex) {
			evaluation.result.completeExceptionally(ex);
		}
		finally {
			clearWorker();
			evaluation.workerDone.complete(null);
		}
	}

	private void missDeadline(Evaluation evaluation, Duration deadline, boolean started) {
		if (evaluation.result.completeExceptionally(new CheckTimeoutException(deadline, started))) {
			interruptWorker();
			evaluation.abandonAnswer();
		}
	}

	private static void complete(CompletableFuture<Health> result, @Nullable Health health,
			@Nullable Throwable failure) {
		if (failure != null) {
			result.completeExceptionally(failure);
		}
		else {
			result.complete(health);
		}
	}

	private synchronized void setWorker(Thread thread) {
		this.worker = thread;
	}

	// Clears the interrupt under the same lock as interruptWorker, so an interrupt meant
	// for this check can never reach the next task that the worker thread runs.
	private synchronized void clearWorker() {
		this.worker = null;
		Thread.interrupted();
	}

	private synchronized void interruptWorker() {
		if (this.worker != null) {
			this.worker.interrupt();
		}
	}

	/**
	 * The state of one evaluation: its result, whether its worker has let go, and the
	 * deadline currently armed.
	 */
	private final class Evaluation {

		private final CompletableFuture<Health> result = new CompletableFuture<>();

		private final CompletableFuture<Void> workerDone = new CompletableFuture<>();

		private final long queuedAt = System.nanoTime();

		private @Nullable ScheduledFuture<?> deadline;

		private volatile @Nullable CompletionStage<Health> answer;

		synchronized void arm(Duration after, boolean started) {
			if (this.deadline != null) {
				this.deadline.cancel(false);
			}
			this.deadline = PolledCheckTask.this.timer.schedule(() -> missDeadline(this, after, started),
					after.toNanos(), TimeUnit.NANOSECONDS);
		}

		// An asynchronous answer that came too late is cancelled, so that, for example, a
		// reactive check that never completes leaves no subscription behind each interval.
		void abandonAnswer() {
			CompletionStage<Health> pending = this.answer;
			if (pending != null) {
				try {
					pending.toCompletableFuture().cancel(true);
				}
				catch (UnsupportedOperationException ex) {
					// A stage that cannot be cancelled: nothing more to do.
				}
			}
		}

		synchronized void disarm() {
			if (this.deadline != null) {
				this.deadline.cancel(false);
			}
		}

	}

}
