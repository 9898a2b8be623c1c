package io.github.healthgrpc.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Publishes health-grpc's state as meters:
 * <ul>
 * <li>{@code grpc.health.serving} (gauge, tag {@code service}, {@code ""} shown as
 * {@code overall}): 1 while SERVING, 0 otherwise;</li>
 * <li>{@code grpc.health.serving.changes} (counter, tag {@code service}): changes of the
 * service's serving status as the store's listener heard them; becoming known is no
 * change;</li>
 * <li>{@code grpc.health.checks.evaluations}, {@code grpc.health.checks.late.starts} and
 * {@code grpc.health.checks.skipped.ticks} (counters): what the engine did and where it
 * fell behind;</li>
 * <li>{@code grpc.health.checks.stuck} (gauge) and
 * {@code grpc.health.checks.threads.written.off} (counter): checks stuck past their
 * timeout, and the worker threads written off and replaced for them;</li>
 * <li>{@code grpc.health.checks.queued} and {@code grpc.health.watchers} (gauges), and
 * {@code grpc.health.watchers.limit} (gauge): the most Watch calls the server holds at
 * once, so an alert can compare the open calls with it.</li>
 * </ul>
 * Every meter reads state the store or the engine already keeps; none runs a check.
 *
 * @since 0.1.0
 */
public class HealthGrpcMetrics implements MeterBinder, StatusListener {

	private static final String EVALUATIONS = "grpc.health.checks.evaluations";

	private static final String LATE_STARTS = "grpc.health.checks.late.starts";

	private static final String SKIPPED_TICKS = "grpc.health.checks.skipped.ticks";

	private static final String THREADS_WRITTEN_OFF = "grpc.health.checks.threads.written.off";

	private static final String QUEUED = "grpc.health.checks.queued";

	private static final String STUCK = "grpc.health.checks.stuck";

	private static final String WATCHERS = "grpc.health.watchers";

	private static final String WATCHERS_LIMIT = "grpc.health.watchers.limit";

	private final ServiceStatuses store;

	private final Supplier<CheckEngineLoad> engine;

	private final IntSupplier watchers;

	private final @Nullable IntSupplier watchersLimit;

	// The status each service had when this listener last heard of it.
	private final Map<String, ServingState> heard = new ConcurrentHashMap<>();

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Create the meters' source.
	 * @param store the status store
	 * @param engine what the check engine has done so far, read on each measurement
	 * @param watchers the number of open Watch calls
	 */
	public HealthGrpcMetrics(ServiceStatuses store, Supplier<CheckEngineLoad> engine, IntSupplier watchers) {
		this(store, engine, watchers, null);
	}

	/**
	 * Create the meters' source, with the Watch budget.
	 * @param store the status store
	 * @param engine what the check engine has done so far, read on each measurement
	 * @param watchers the number of open Watch calls
	 * @param watchersLimit the most Watch calls open at once ({@code max-watchers}), or
	 * {@code null} for no {@code grpc.health.watchers.limit} gauge
	 */
	public HealthGrpcMetrics(ServiceStatuses store, Supplier<CheckEngineLoad> engine, IntSupplier watchers,
			@Nullable IntSupplier watchersLimit) {
		this.store = store;
		this.engine = engine;
		this.watchers = watchers;
		this.watchersLimit = watchersLimit;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		counter(registry, EVALUATIONS, "Check evaluations started");
		counter(registry, LATE_STARTS, "Evaluations that waited longer than their interval for a worker thread");
		counter(registry, SKIPPED_TICKS, "Intervals skipped because the check's previous evaluation had not ended");
		counter(registry, THREADS_WRITTEN_OFF,
				"Worker threads written off and replaced because their check did not return at its timeout");
		gauge(registry, QUEUED, "Evaluations waiting for a worker thread");
		gauge(registry, STUCK, "Checks whose evaluation is past its timeout and has not returned; each is DOWN");
		gauge(registry, WATCHERS, "Open Watch calls");
		if (this.watchersLimit != null) {
			gauge(registry, WATCHERS_LIMIT, "Most Watch calls open at once (grpc.health.watch.max-watchers)");
		}
		// Listen first, then take what the store says, as the health file does: a change
		// in between is heard instead of lost. What the store says only introduces
		// services the listener has not heard of, so a change heard meanwhile is not
		// counted twice.
		this.store.addListener(this);
		for (Map.Entry<String, ServingState> known : this.store.statuses().entrySet()) {
			if (this.heard.putIfAbsent(known.getKey(), known.getValue()) == null) {
				registerGauge(registry, known.getKey());
				changes(registry, known.getKey());
			}
		}
	}

	private void counter(MeterRegistry registry, String name, String description) {
		FunctionCounter.builder(name, this, new Reading(name)).description(description).register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description) {
		Gauge.builder(name, this, new Reading(name)).description(description).register(registry);
	}

	@Override
	public void servingStatusChanged(String service, ServingState status) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		ServingState previous = this.heard.put(service, status);
		if (previous == null) {
			// Once per service: Micrometer warns when a gauge is registered again.
			registerGauge(registry, service);
		}
		Counter changes = changes(registry, service);
		if (previous != null && previous != status) {
			changes.increment();
		}
	}

	private void registerGauge(MeterRegistry registry, String service) {
		Gauge.builder("grpc.health.serving", this.store, (store) -> serving(store, service))
			.description("1 while the gRPC service is SERVING, 0 otherwise")
			.tag("service", tag(service))
			.register(registry);
	}

	// Registering a counter again returns the one registered.
	private static Counter changes(MeterRegistry registry, String service) {
		return Counter.builder("grpc.health.serving.changes")
			.description("Changes of the gRPC service's serving status")
			.tag("service", tag(service))
			.register(registry);
	}

	private static String tag(String service) {
		return service.isEmpty() ? "overall" : service;
	}

	private static double serving(ServiceStatuses store, String service) {
		return (store.status(service) == ServingState.SERVING) ? 1 : 0;
	}

	/**
	 * Reads the engine or Watch meter it is named for. One class for all of them rather
	 * than a lambda each: every lambda is a class the JVM spins at startup.
	 */
	private static final class Reading implements ToDoubleFunction<HealthGrpcMetrics> {

		private final String meter;

		Reading(String meter) {
			this.meter = meter;
		}

		@Override
		public double applyAsDouble(HealthGrpcMetrics metrics) {
			IntSupplier watchersLimit = metrics.watchersLimit;
			return switch (this.meter) {
				case EVALUATIONS -> metrics.engine.get().evaluations();
				case LATE_STARTS -> metrics.engine.get().lateStarts();
				case SKIPPED_TICKS -> metrics.engine.get().skippedTicks();
				case THREADS_WRITTEN_OFF -> metrics.engine.get().threadsWrittenOff();
				case QUEUED -> metrics.engine.get().queued();
				case STUCK -> metrics.engine.get().stuck();
				case WATCHERS -> metrics.watchers.getAsInt();
				case WATCHERS_LIMIT -> (watchersLimit != null) ? watchersLimit.getAsInt() : Double.NaN;
				default -> throw new IllegalStateException("No reading for meter " + this.meter);
			};
		}

	}

}
