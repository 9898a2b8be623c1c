package io.github.healthgrpc.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.store.ServingStatus;
import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
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
 * <li>{@code grpc.health.checks.evaluations}, {@code grpc.health.checks.late.starts} and
 * {@code grpc.health.checks.skipped.ticks} (counters): what the engine did and where it
 * fell behind;</li>
 * <li>{@code grpc.health.checks.queued} and {@code grpc.health.watchers} (gauges).</li>
 * </ul>
 * Every meter reads state the store or the engine already keeps; none runs a check.
 */
public class HealthGrpcMetrics implements MeterBinder, StatusListener {

	private final StatusStore store;

	private final CheckRunner runner;

	private final IntSupplier watchers;

	private final Set<String> servicesWithGauges = ConcurrentHashMap.newKeySet();

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Create the meters' source.
	 * @param store the status store
	 * @param runner the check engine
	 * @param watchers the number of open Watch calls
	 */
	public HealthGrpcMetrics(StatusStore store, CheckRunner runner, IntSupplier watchers) {
		this.store = store;
		this.runner = runner;
		this.watchers = watchers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		FunctionCounter.builder("grpc.health.checks.evaluations", this.runner, (r) -> r.load().evaluations())
			.description("Check evaluations started")
			.register(registry);
		FunctionCounter.builder("grpc.health.checks.late.starts", this.runner, (r) -> r.load().lateStarts())
			.description("Evaluations that waited longer than their interval for a worker thread")
			.register(registry);
		FunctionCounter.builder("grpc.health.checks.skipped.ticks", this.runner, (r) -> r.load().skippedTicks())
			.description("Intervals skipped because the check's previous evaluation was still running")
			.register(registry);
		Gauge.builder("grpc.health.checks.queued", this.runner, (r) -> r.load().queued())
			.description("Evaluations waiting for a worker thread")
			.register(registry);
		Gauge.builder("grpc.health.watchers", this.watchers, IntSupplier::getAsInt)
			.description("Open Watch calls")
			.register(registry);
		this.store.statuses().keySet().forEach(this::registerServingGauge);
		this.store.addListener(this);
	}

	@Override
	public void servingStatusChanged(String service, ServingStatus status) {
		registerServingGauge(service);
	}

	private void registerServingGauge(String service) {
		MeterRegistry registry = this.registry;
		if (registry != null && this.servicesWithGauges.add(service)) {
			Gauge.builder("grpc.health.serving", this.store, (store) -> serving(store, service))
				.description("1 while the gRPC service is SERVING, 0 otherwise")
				.tag("service", service.isEmpty() ? "overall" : service)
				.register(registry);
		}
	}

	private static double serving(StatusStore store, String service) {
		return (store.status(service) == ServingStatus.SERVING) ? 1 : 0;
	}

}
