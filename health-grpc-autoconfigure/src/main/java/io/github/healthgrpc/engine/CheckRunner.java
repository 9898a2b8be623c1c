package io.github.healthgrpc.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;

import io.github.healthgrpc.store.StatusStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * Runs every check and records its results in the {@link StatusStore}.
 *
 * <p>Polled checks run on their own interval and timeout on a pool of worker threads that
 * belongs to this runner alone, never on a gRPC thread or on the caller of a health
 * request. The pool has {@code workerThreads} threads for evaluations; a thread whose check
 * is stuck past its timeout is written off and replaced until it returns, so the pool never
 * holds more than {@code workerThreads} plus the number of stuck checks. A single timer
 * thread only starts evaluations, fires deadlines (recording the missed one) and cancels
 * overdue answers. Pushed checks are recorded the moment the application sets them.
 */
public final class CheckRunner implements AutoCloseable {

	private final StatusStore store;

	private final ScheduledThreadPoolExecutor timer;

	private final WorkerPool workers;

	private final CheckChangeLog changeLog = new CheckChangeLog();

	private final LoadCounter load;

	private volatile boolean closed;

	private final List<PolledCheckTask> polledTasks = new ArrayList<>();

	private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

	/**
	 * Create a runner.
	 * @param store where results go
	 * @param workerThreads how many checks may evaluate at the same time
	 */
	public CheckRunner(StatusStore store, int workerThreads) {
		Assert.isTrue(workerThreads > 0, "Worker threads must be positive");
		this.store = store;
		this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("health-grpc-timer-"));
		this.timer.setRemoveOnCancelPolicy(true);
		this.load = new LoadCounter(workerThreads);
		this.workers = new WorkerPool(workerThreads, daemonThreads("health-grpc-check-"));
	}

	/**
	 * Start every check: polled ones on their schedule, starting now; pushed ones by
	 * subscribing to them.
	 * @param checks the checks
	 * @param schedules the schedule of each polled check, by name
	 */
	public synchronized void start(Collection<CheckDefinition> checks, Function<String, CheckSchedule> schedules) {
		for (CheckDefinition check : checks) {
			if (check instanceof CheckDefinition.Polled polled) {
				PolledCheckTask task = new PolledCheckTask(polled, schedules.apply(polled.name()), this.timer,
						this.workers, this::record, this.load);
				this.polledTasks.add(task);
				this.scheduled.add(task.schedule());
			}
			else if (check instanceof CheckDefinition.Pushed pushed) {
				// A pushed value comes from application code: null becomes DOWN, like a
				// polled check that returns nothing.
				pushed.subscription().accept((health) -> record(pushed.name(), CheckOutcomes.of(health, null)));
			}
		}
	}

	/**
	 * How the engine keeps up with its checks.
	 * @return the counts since start
	 */
	public EngineLoad load() {
		return this.load.snapshot(this.workers.queued(), this.workers.everWrittenOff());
	}

	/**
	 * Stop polling until {@link #resume()}; evaluations already running finish.
	 */
	public synchronized void pause() {
		this.scheduled.forEach((future) -> future.cancel(false));
		this.scheduled.clear();
	}

	/**
	 * Poll again after {@link #pause()}, starting now.
	 */
	public synchronized void resume() {
		if (this.scheduled.isEmpty()) {
			this.polledTasks.forEach((task) -> this.scheduled.add(task.schedule()));
		}
	}

	/**
	 * Stop every check and release the threads; a running evaluation is interrupted and an
	 * outstanding asynchronous answer is cancelled. A thread stuck in code that ignores
	 * interrupts ends when that code returns.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		pause();
		this.timer.shutdownNow();
		this.workers.shutdownNow();
		this.polledTasks.forEach(PolledCheckTask::cancel);
	}

	private void record(String checkName, Health health) {
		if (this.closed) {
			// An evaluation interrupted by close() says nothing about the dependency.
			return;
		}
		this.changeLog.record(checkName, health);
		this.store.record(checkName, health);
	}

	private static CustomizableThreadFactory daemonThreads(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

}
