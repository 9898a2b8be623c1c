package io.github.healthgrpc.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSource;
import io.github.healthgrpc.store.StatusStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Keeps the checks in step with the health contributor registries while the application
 * runs: a contributor registered after startup (a data source created at runtime) becomes
 * a check and joins the services whose {@code include} selects it ({@code *}, its
 * composite's name) and the probe services whose Spring Boot health group includes it;
 * one unregistered goes. Every service keeps what it follows; only its members change. A
 * check is the same check as long as its name stays registered: one whose contributor is
 * made anew (a composite's member at each iteration, or a contributor registered again
 * between two readings) calls the new object from its next evaluation, and keeps its
 * result and its schedule.
 *
 * <p>
 * Spring Boot's registries publish no event on a registration: each swaps an immutable
 * map. So the registries are read again on an interval, which is cheap (a map's entries)
 * and needs nothing from the application. Decorating the registry bean would notice at
 * once, but would replace a bean of Spring Boot's with one of another type, and would
 * still miss the members of a composite that change. The reading runs on a thread of its
 * own, not on the engine's timer: a composite's iteration is application code, and if it
 * blocked, it must not delay the start of every check.
 */
final class ContributorRefresh implements SmartLifecycle, DisposableBean {

	private final List<CheckSource> contributorSources;

	private final ObjectProvider<CheckSource> allSources;

	private final ObjectProvider<HealthMappings> mappings;

	private final CheckRunner runner;

	private final StatusStore store;

	private final Duration interval;

	private final ContributorChangeLog log = new ContributorChangeLog();

	private @Nullable ScheduledExecutorService thread;

	private @Nullable ScheduledFuture<?> refreshing;

	// What the last refresh saw; guarded by this.
	private @Nullable Known known;

	/**
	 * Create a refresh.
	 * @param contributorSources the sources that read the health contributor registries
	 * @param allSources every check source, to tell the checks of the others
	 * @param mappings the mappings the engine started with
	 * @param runner the engine
	 * @param store the store whose services to redefine
	 * @param interval the time between two readings
	 */
	ContributorRefresh(List<CheckSource> contributorSources, ObjectProvider<CheckSource> allSources,
			ObjectProvider<HealthMappings> mappings, CheckRunner runner, StatusStore store, Duration interval) {
		this.contributorSources = List.copyOf(contributorSources);
		this.allSources = allSources;
		this.mappings = mappings;
		this.runner = runner;
		this.store = store;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.contributorSources.isEmpty()) {
			return;
		}
		if (this.thread == null) {
			CustomizableThreadFactory threads = new CustomizableThreadFactory("health-grpc-contributors-");
			threads.setDaemon(true);
			this.thread = new ScheduledThreadPoolExecutor(1, threads);
		}
		long nanos = this.interval.toNanos();
		this.refreshing = this.thread.scheduleWithFixedDelay(this::refreshOrSayWhyNot, nanos, nanos,
				TimeUnit.NANOSECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.refreshing != null) {
			this.refreshing.cancel(false);
			this.refreshing = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.refreshing != null;
	}

	@Override
	public int getPhase() {
		// Just after the engine starts, just before it stops.
		return HealthEngineLifecycle.PHASE + 1;
	}

	@Override
	public synchronized void destroy() {
		stop();
		if (this.thread != null) {
			this.thread.shutdownNow();
		}
	}

	// An exception would end a periodic task for good, and silently.
	private void refreshOrSayWhyNot() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			this.log.notApplied(ex);
		}
	}

	/**
	 * Read the registries and apply what changed since the last reading.
	 */
	synchronized void refresh() {
		HealthMappings mappings = this.mappings.getObject();
		Known before = (this.known != null) ? this.known : atStartup(mappings);
		Map<String, CheckDefinition> now;
		try {
			now = read(before.others());
		}
		catch (RuntimeException ex) {
			// Thrown by a contributor's own code: keep refreshing, and say so once.
			this.log.unreadable(ex);
			return;
		}
		this.log.readable();
		// A check is the same check as long as its name stays registered: a composite may
		// make its members anew at every iteration, and forgetting their results would
		// flap every service that includes them at every refresh.
		Map<String, CheckDefinition> removed = missing(before.checks(), now);
		Map<String, CheckDefinition> added = missing(now, before.checks());
		Set<String> replaced = now.keySet()
			.stream()
			.filter((name) -> before.checks().containsKey(name) && !before.checks().get(name).equals(now.get(name)))
			.collect(Collectors.toCollection(TreeSet::new));
		Map<String, Set<String>> members = before.members();
		if (!removed.isEmpty() || !added.isEmpty()) {
			Set<String> names = new TreeSet<>(before.others());
			names.addAll(now.keySet());
			members = mappings.membersFor(names);
			// Said before it takes effect, so the log never lags behind what clients see.
			this.log.changed(removed.keySet(), added.keySet(), before.members(), members, names, mappings::schedule);
			// Members first: a check that goes leaves its services before its result is
			// forgotten, so they do not turn NOT_SERVING on the way; one that comes joins
			// them without a result, so they are NOT_SERVING until its first, as at
			// startup.
			this.store.redefineMembers(members);
			removed.keySet().forEach(this.runner::remove);
			added.forEach((name, check) -> {
				// Removing first lets a refresh that failed half way be applied again
				// whole.
				this.runner.remove(name);
				this.runner.add(check, mappings.schedule(name));
			});
		}
		this.log.replaced(replaced);
		// The others call what the registry holds now, keeping their results and
		// schedules; one missing after a refresh that failed half way is added.
		now.forEach((name, check) -> {
			if (!added.containsKey(name) && !this.runner.update(check, mappings.schedule(name))) {
				this.runner.add(check, mappings.schedule(name));
			}
		});
		this.known = new Known(now, before.others(), members);
		this.log.applied();
	}

	private Known atStartup(HealthMappings mappings) {
		Set<String> others = this.allSources.orderedStream()
			.filter((source) -> !this.contributorSources.contains(source))
			.flatMap((source) -> source.checks().stream())
			.map(CheckDefinition::name)
			.collect(Collectors.toUnmodifiableSet());
		Map<String, CheckDefinition> checks = new LinkedHashMap<>();
		mappings.checks()
			.stream()
			.filter((check) -> !others.contains(check.name()))
			.forEach((check) -> checks.put(check.name(), check));
		return new Known(checks, others, mappings.membersByService());
	}

	private Map<String, CheckDefinition> read(Set<String> others) {
		Map<String, CheckDefinition> checks = new LinkedHashMap<>();
		Set<String> taken = new TreeSet<>();
		for (CheckSource source : this.contributorSources) {
			for (CheckDefinition check : source.checks()) {
				if (others.contains(check.name()) || checks.putIfAbsent(check.name(), check) != null) {
					taken.add(check.name());
				}
			}
		}
		this.log.namesTaken(taken);
		return checks;
	}

	// The checks in one under a name that the other does not have.
	private static Map<String, CheckDefinition> missing(Map<String, CheckDefinition> one,
			Map<String, CheckDefinition> other) {
		Map<String, CheckDefinition> missing = new LinkedHashMap<>(one);
		missing.keySet().removeAll(other.keySet());
		return missing;
	}

	private record Known(Map<String, CheckDefinition> checks, Set<String> others, Map<String, Set<String>> members) {
	}

}
