package io.github.healthgrpc.engine;

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
 * One polled check: each tick of its interval starts an evaluation on a worker thread,
 * unless the previous one is still running, and arms its timeout.
 *
 * <p>A check that never returns holds at most one worker thread and is never started
 * twice: its ticks are skipped and it stays DOWN (timed out) until it returns. The
 * timeout interrupts the worker, which ends most blocking calls.
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
		CompletableFuture<Health> result = new CompletableFuture<>();
		CompletableFuture<Void> workerDone = new CompletableFuture<>();
		// Arm the timeout and attach the recording before the evaluation can start, so a
		// result is recorded on the worker that produced it, never on the timer thread
		// (only a timeout is recorded there).
		ScheduledFuture<?> timeout = this.timer.schedule(() -> timeOut(result), this.schedule.timeout().toNanos(),
				TimeUnit.NANOSECONDS);
		result.whenComplete((health, failure) -> {
			timeout.cancel(false);
			this.recorder.accept(this.check.name(), CheckOutcomes.of(health, failure));
		});
		CompletableFuture.allOf(result, workerDone).whenComplete((ignored, failure) -> this.busy.set(false));
		long queuedAt = System.nanoTime();
		try {
			this.workers.execute(() -> evaluate(result, workerDone, queuedAt));
		}
		catch (RejectedExecutionException ex) {
			// The engine is shutting down: nothing to evaluate or record.
			timeout.cancel(false);
		}
	}

	private void evaluate(CompletableFuture<Health> result, CompletableFuture<Void> workerDone, long queuedAt) {
		try {
			this.load.started(this.check.name(), System.nanoTime() - queuedAt, this.schedule.interval().toNanos());
			if (result.isDone()) {
				return; // timed out while waiting for a worker
			}
			setWorker(Thread.currentThread());
			CompletionStage<Health> stage = this.check.function().evaluate();
			stage.whenComplete((health, failure) -> complete(result, health, failure));
		}
		catch (Throwable ex) {
			result.completeExceptionally(ex);
		}
		finally {
			clearWorker();
			workerDone.complete(null);
		}
	}

	private void timeOut(CompletableFuture<Health> result) {
		if (result.completeExceptionally(new CheckTimeoutException(this.schedule.timeout()))) {
			interruptWorker();
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

}
