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
		counter(registry, "grpc.health.checks.evaluations", "Check evaluations started", CheckEngineLoad::evaluations);
		counter(registry, "grpc.health.checks.late.starts",
				"Evaluations that waited longer than their interval for a worker thread", CheckEngineLoad::lateStarts);
		counter(registry, "grpc.health.checks.skipped.ticks",
				"Intervals skipped because the check's previous evaluation had not ended",
				CheckEngineLoad::skippedTicks);
		counter(registry, "grpc.health.checks.threads.written.off",
				"Worker threads written off and replaced because their check did not return at its timeout",
				CheckEngineLoad::threadsWrittenOff);
		gauge(registry, "grpc.health.checks.queued", "Evaluations waiting for a worker thread",
				CheckEngineLoad::queued);
		gauge(registry, "grpc.health.checks.stuck",
				"Checks whose evaluation is past its timeout and has not returned; each is DOWN",
				CheckEngineLoad::stuck);
		Gauge.builder("grpc.health.watchers", this.watchers, IntSupplier::getAsInt)
			.description("Open Watch calls")
			.register(registry);
		if (this.watchersLimit != null) {
			Gauge.builder("grpc.health.watchers.limit", this.watchersLimit, IntSupplier::getAsInt)
				.description("Most Watch calls open at once (grpc.health.watch.max-watchers)")
				.register(registry);
		}
		// Listen first, then take what the store says, as the health file does: a change
		// in between is heard instead of lost. What the store says only introduces
		// services the listener has not heard of, so a change heard meanwhile is not
		// counted twice.
		this.store.addListener(this);
		this.store.statuses().forEach((service, status) -> {
			if (this.heard.putIfAbsent(service, status) == null) {
				registerGauge(registry, service);
				changes(registry, service);
			}
		});
	}

	private void counter(MeterRegistry registry, String name, String description,
			ToDoubleFunction<CheckEngineLoad> count) {
		FunctionCounter.builder(name, this.engine, (engine) -> count.applyAsDouble(engine.get()))
			.description(description)
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description,
			ToDoubleFunction<CheckEngineLoad> value) {
		Gauge.builder(name, this.engine, (engine) -> value.applyAsDouble(engine.get()))
			.description(description)
			.register(registry);
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

}
