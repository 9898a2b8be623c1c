package io.github.healthgrpc.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.healthgrpc.store.ServiceStatuses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Meters of each check, tagged {@code check}, that come and go with the check:
 * <ul>
 * <li>{@code grpc.health.check.duration} (timer, tags {@code check} and {@code outcome}):
 * each evaluation of a polled check, from its start on a worker thread until its outcome
 * was settled;</li>
 * <li>{@code grpc.health.check.up} (gauge): 1 while the check's latest result is UP, 0
 * otherwise (also before its first result);</li>
 * <li>{@code grpc.health.check.changes} (counter): changes of the check's status from one
 * result to the next; the first result is no change.</li>
 * </ul>
 * The engine tells these meters what it does through the auto-configuration, so that they
 * depend on nothing but the store. When a check is removed, its meters are removed too,
 * those Micrometer derives from its {@link CheckObservations observations} included.
 *
 * @since 0.1.0
 */
public class CheckMeters implements MeterBinder {

	static final String DURATION = "grpc.health.check.duration";

	static final String UP = "grpc.health.check.up";

	static final String CHANGES = "grpc.health.check.changes";

	private static final List<String> PER_CHECK = List.of(DURATION, UP, CHANGES, CheckObservations.NAME,
			CheckObservations.NAME + ".active");

	private final ServiceStatuses store;

	private final Set<String> checks = ConcurrentHashMap.newKeySet();

	private final Map<String, Status> latest = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Create the meters of each check.
	 * @param store the status store, which the gauges read
	 */
	public CheckMeters(ServiceStatuses store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (String check : this.checks) {
			register(registry, check);
		}
	}

	/**
	 * A check was added: its gauge and its counter appear.
	 * @param check the check's name
	 */
	public void added(String check) {
		this.checks.add(check);
		MeterRegistry registry = this.registry;
		if (registry != null) {
			register(registry, check);
		}
	}

	/**
	 * An evaluation of a polled check starts now.
	 * @return the sample to {@link #evaluated stop} when the evaluation ends, or
	 * {@code null} before the meters are bound
	 */
	public Timer.@Nullable Sample evaluationStarted() {
		MeterRegistry registry = this.registry;
		return (registry != null) ? Timer.start(registry) : null;
	}

	/**
	 * An evaluation ended.
	 * @param check the check's name
	 * @param outcome its outcome: {@code UP}, {@code DOWN}, {@code timeout} or
	 * {@code error}
	 * @param sample what {@link #evaluationStarted()} returned
	 */
	public void evaluated(String check, String outcome, Timer.@Nullable Sample sample) {
		MeterRegistry registry = this.registry;
		if (registry != null && sample != null) {
			sample.stop(Timer.builder(DURATION)
				.description("Evaluations of a health check, by outcome")
				.tag("check", check)
				.tag("outcome", outcome)
				.register(registry));
		}
		removedMeanwhile(check);
	}

	/**
	 * Something that Micrometer derives meters from (an observation) ended for a check.
	 * @param check the check's name
	 */
	public void removedMeanwhile(String check) {
		// An evaluation that ended as its check was removed may have registered a meter
		// after the removal took the check's meters away: take it away too.
		if (!this.checks.contains(check)) {
			removeMeters(check);
		}
	}

	/**
	 * A result of a check was recorded: a change of its status is counted.
	 * @param check the check's name
	 * @param health the result
	 */
	public void recorded(String check, Health health) {
		Status previous = this.latest.put(check, health.getStatus());
		MeterRegistry registry = this.registry;
		if (previous != null && !previous.equals(health.getStatus()) && registry != null) {
			changes(registry, check).increment();
		}
	}

	/**
	 * A check was removed: its meters are removed.
	 * @param check the check's name
	 */
	public void removed(String check) {
		this.checks.remove(check);
		this.latest.remove(check);
		removeMeters(check);
	}

	private void removeMeters(String check) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			PER_CHECK.forEach((name) -> registry.find(name).tag("check", check).meters().forEach(registry::remove));
		}
	}

	private void register(MeterRegistry registry, String check) {
		Gauge.builder(UP, this.store, (store) -> up(store, check))
			.description("1 while the health check's latest result is UP, 0 otherwise")
			.tag("check", check)
			.register(registry);
		changes(registry, check);
	}

	private static Counter changes(MeterRegistry registry, String check) {
		return Counter.builder(CHANGES)
			.description("Changes of the health check's status")
			.tag("check", check)
			.register(registry);
	}

	private static double up(ServiceStatuses store, String check) {
		Health result = store.checkResult(check);
		return (result != null && Status.UP.equals(result.getStatus())) ? 1 : 0;
	}

}
