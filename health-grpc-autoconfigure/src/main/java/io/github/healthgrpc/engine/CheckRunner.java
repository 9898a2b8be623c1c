package io.github.healthgrpc.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.healthgrpc.store.StatusStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * Runs every check and records its results in the {@link StatusStore}.
 *
 * <p>
 * Polled checks run on their own interval and timeout on a pool of worker threads that
 * belongs to this runner alone, never on a gRPC thread or on the caller of a health
 * request. The pool has {@code workerThreads} threads for evaluations; a thread whose
 * check is stuck past its timeout is written off and replaced until it returns. A check
 * removed while stuck keeps its thread until it returns, and one added again under its
 * name waits for that, so the pool never holds more than {@code workerThreads} plus one
 * thread for each check name with an evaluation stuck right now. A single timer thread
 * only starts evaluations, fires deadlines (recording the missed one) and cancels overdue
 * answers. Pushed checks are recorded the moment the application sets them. A result that
 * cannot be recorded as it is (the serving status mapper throws on its status, its
 * details throw when rendered) counts as DOWN, is logged once, and never holds the check
 * up: it runs again at its next interval. Checks can be added and removed while the
 * engine runs, as contributors come and go.
 *
 * @since 0.1.0
 */
public final class CheckRunner implements AutoCloseable {

	private final StatusStore store;

	private final ScheduledThreadPoolExecutor timer;

	private final WorkerPool workers;

	private final CheckChangeLog changeLog = new CheckChangeLog();

	private final RecordingFailureLog failureLog = new RecordingFailureLog();

	private final LoadCounter load;

	private final CheckListeners listeners = new CheckListeners();

	private volatile boolean closed;

	private boolean started;

	private boolean paused;

	private final Map<String, PolledCheckTask> polled = new LinkedHashMap<>();

	private final Map<String, PushedCheck> pushed = new LinkedHashMap<>();

	// Removed checks whose evaluation has not returned, by name, for a check added again.
	private final Map<String, PolledCheckTask> unfinished = new LinkedHashMap<>();

	// Guards the overrides and the step from a result to the store, so that a result
	// produced as an override starts or ends never lands on top of it.
	private final Object recordLock = new Object();

	private final CheckOverrides overrides = new CheckOverrides();

	// One instance for every check, rather than a method reference at each place a check
	// is made.
	private final BiConsumer<String, Health> recorder = this::record;

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
	 * subscribing to them. Checks {@link #add added} before start begin now too.
	 * @param checks the checks
	 * @param schedules the schedule of each polled check, by name
	 */
	public synchronized void start(Collection<CheckDefinition> checks, Function<String, CheckSchedule> schedules) {
		for (CheckDefinition check : checks) {
			add(check, schedules.apply(check.name()));
		}
		this.started = true;
		for (PushedCheck subscriber : this.pushed.values()) {
			subscriber.subscribe();
		}
		if (!this.paused) {
			for (PolledCheckTask task : this.polled.values()) {
				task.poll();
			}
		}
	}

	/**
	 * Add a check while the engine runs, is paused, or before it starts: a polled check
	 * polls on its schedule from now (once started and unless paused), a pushed one is
	 * subscribed to. A polled check added under the name of one removed while its
	 * evaluation had not returned starts once that evaluation has, and is DOWN, saying
	 * so, if it stays stuck past its timeout. A closed engine adds nothing.
	 * @param check the check; its name must not be taken
	 * @param schedule its schedule, if it is polled
	 */
	public synchronized void add(CheckDefinition check, CheckSchedule schedule) {
		if (this.closed) {
			return;
		}
		if (this.polled.containsKey(check.name()) || this.pushed.containsKey(check.name())) {
			throw new IllegalStateException("A check named '" + check.name() + "' is already running; remove it first");
		}
		this.listeners.added(check.name());
		if (check instanceof CheckDefinition.Polled polledCheck) {
			PolledCheckTask task = new PolledCheckTask(polledCheck, schedule, this.timer, this.workers, this.recorder,
					this.listeners, this.load, this.unfinished.remove(check.name()));
			this.polled.put(check.name(), task);
			if (this.started && !this.paused) {
				task.poll();
			}
		}
		else if (check instanceof CheckDefinition.Pushed pushedCheck) {
			PushedCheck subscriber = new PushedCheck(pushedCheck, this.recorder);
			this.pushed.put(check.name(), subscriber);
			if (this.started) {
				subscriber.subscribe();
			}
		}
	}

	/**
	 * Remove a check: it is polled no more, its evaluation in progress is let go of (its
	 * thread interrupted and, if it does not return, written off and replaced until it
	 * does; its answer cancelled), and its result is forgotten by the store; once this
	 * returns, no result of it reaches the store. Services that include it should be
	 * redefined first, or they turn NOT_SERVING: a member without a result is unknown.
	 * @param checkName the check's name
	 * @return whether a check of that name was running
	 */
	public synchronized boolean remove(String checkName) {
		PolledCheckTask task = this.polled.remove(checkName);
		PushedCheck subscriber = this.pushed.remove(checkName);
		this.unfinished.values().removeIf((removed) -> !removed.isBusy());
		if (task != null) {
			task.remove();
			PolledCheckTask holding = task.unfinished();
			if (holding != null) {
				this.unfinished.put(checkName, holding);
			}
		}
		if (subscriber != null) {
			subscriber.remove();
		}
		this.changeLog.forget(checkName);
		this.failureLog.forget(checkName);
		synchronized (this.recordLock) {
			this.overrides.remove(checkName);
			this.store.forget(checkName);
		}
		if (task != null || subscriber != null) {
			this.listeners.removed(checkName);
			return true;
		}
		return false;
	}

	/**
	 * Replace the definition of a running check by another under its name, as a health
	 * contributor re-created under a name that stayed registered: the check keeps its
	 * result, its schedule and its evaluation in progress, and calls the new definition
	 * from its next evaluation. A pushed check is subscribed to the new source, unless it
	 * is equal to the old one. A definition of the other kind (polled for pushed)
	 * replaces the check as {@link #remove} and {@link #add} would.
	 * @param check the new definition
	 * @param schedule its schedule, if it is polled and the check was pushed
	 * @return whether a check of that name was running
	 */
	public synchronized boolean update(CheckDefinition check, CheckSchedule schedule) {
		PolledCheckTask task = this.polled.get(check.name());
		PushedCheck subscriber = this.pushed.get(check.name());
		if (task != null && check instanceof CheckDefinition.Polled polledCheck) {
			task.update(polledCheck);
		}
		else if (subscriber != null && check instanceof CheckDefinition.Pushed pushedCheck) {
			if (!subscriber.subscribesTo(pushedCheck)) {
				subscriber.remove();
				PushedCheck replacement = new PushedCheck(pushedCheck, this.recorder);
				this.pushed.put(check.name(), replacement);
				if (this.started) {
					replacement.subscribe();
				}
			}
		}
		else if (task != null || subscriber != null) {
			remove(check.name());
			add(check, schedule);
		}
		return task != null || subscriber != null;
	}

	/**
	 * Record the given result for a check, in place of its own, until {@link #restore}:
	 * what a test does to simulate a dependency's outage (or recovery) without touching
	 * the dependency. The result is recorded at once and logged like any change; the
	 * check goes on evaluating on its schedule, and its latest own result is kept for the
	 * restore.
	 * @param checkName the name of a check that runs
	 * @param health the result that stands in for the check's own
	 * @throws IllegalArgumentException if no check of that name runs
	 */
	public synchronized void override(String checkName, Health health) {
		Assert.notNull(health, "Health must not be null");
		Assert.isTrue(this.polled.containsKey(checkName) || this.pushed.containsKey(checkName),
				() -> "No check named '" + checkName + "' runs; the checks that run are " + checkNames());
		recordAs(checkName, () -> {
			this.overrides.put(checkName, health, this.store.checkResult(checkName));
			return health;
		});
	}

	/**
	 * End a check's {@link #override}: its latest own result is recorded again at once (a
	 * check that has produced none has no result again, as before its first evaluation).
	 * @param checkName the check's name
	 * @return whether the check was overridden
	 */
	public synchronized boolean restore(String checkName) {
		if (!overridden().contains(checkName)) {
			return false;
		}
		recordAs(checkName, () -> {
			// remove() is synchronized like this method: the override is still there.
			CheckOverrides.Overridden ended = this.overrides.remove(checkName);
			Assert.state(ended != null, () -> "Check '" + checkName + "' is no longer overridden");
			return ended.own();
		});
		return true;
	}

	/**
	 * The checks that are {@link #override overridden} now.
	 * @return their names, sorted
	 */
	public Set<String> overridden() {
		synchronized (this.recordLock) {
			return this.overrides.names();
		}
	}

	/**
	 * Hear what the engine does with each check from now on: checks added, evaluations
	 * starting and ending, results recorded, checks removed. Add listeners before the
	 * checks, or they miss the additions.
	 * @param listener the listener
	 */
	public void addListener(CheckListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * How the engine keeps up with its checks.
	 * @return the counts since start
	 */
	public synchronized EngineLoad load() {
		int stuck = (int) this.polled.values().stream().filter(PolledCheckTask::isStuck).count();
		return this.load.snapshot(this.workers.queued(), stuck, this.workers.everWrittenOff());
	}

	/**
	 * Stop polling until {@link #resume()}; evaluations already running finish.
	 */
	public synchronized void pause() {
		this.paused = true;
		this.polled.values().forEach(PolledCheckTask::stopPolling);
	}

	/**
	 * Poll again after {@link #pause()}, starting now.
	 */
	public synchronized void resume() {
		this.paused = false;
		if (this.started && !this.closed) {
			this.polled.values().forEach(PolledCheckTask::poll);
		}
	}

	/**
	 * Stop every check and release the threads; a running evaluation is abandoned, then
	 * interrupted, and an outstanding asynchronous answer is cancelled. A thread stuck in
	 * code that ignores interrupts ends when that code returns.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		pause();
		// Before the interrupts, so a check they make fail ends as abandoned, not as an
		// error.
		this.polled.values().forEach(PolledCheckTask::abandonCurrent);
		this.timer.shutdownNow();
		this.workers.shutdownNow();
		this.polled.values().forEach(PolledCheckTask::cancel);
	}

	private void record(String checkName, Health own) {
		recordAs(checkName, () -> this.overrides.resultToRecord(checkName, own));
	}

	/**
	 * Record the result that the given function decides, under the lock that overrides
	 * take, or forget the check's result if it decides none.
	 */
	private void recordAs(String checkName, Supplier<@Nullable Health> result) {
		Health kept;
		try {
			Health health;
			boolean draining;
			synchronized (this.recordLock) {
				if (this.closed) {
					// An evaluation interrupted by close() says nothing about the
					// dependency.
					return;
				}
				health = result.get();
				if (health == null) {
					this.store.forget(checkName);
					return;
				}
				draining = this.store.isDraining();
				// The store first: watchers hear the change before the line is written to
				// the log.
				kept = this.store.record(checkName, health);
			}
			if (kept != health) {
				// The serving status mapper threw on its status: the store keeps a DOWN
				// result.
				this.failureLog.failed(checkName, String.valueOf(kept.getDetails().get("error")));
			}
			else {
				this.changeLog.record(checkName, kept, draining);
				this.failureLog.recorded(checkName, kept);
			}
		}
		catch (Throwable ex) {
			// Details that throw when they are rendered, or any other failure on the way:
			// the check counts as DOWN, and its evaluation ends as usual, so it runs
			// again at its next interval and a recovery is seen.
			synchronized (this.recordLock) {
				kept = this.store.record(checkName, CheckOutcomes.notRecorded(ex));
			}
			this.failureLog.failed(checkName, CheckOutcomes.describe(ex));
		}
		this.listeners.recorded(checkName, kept);
	}

	private synchronized Set<String> checkNames() {
		Set<String> names = new TreeSet<>(this.polled.keySet());
		names.addAll(this.pushed.keySet());
		return names;
	}

	private static CustomizableThreadFactory daemonThreads(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

}
