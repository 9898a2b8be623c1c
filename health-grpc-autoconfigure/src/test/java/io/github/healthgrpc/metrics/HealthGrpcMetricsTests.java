package io.github.healthgrpc.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.github.healthgrpc.store.StatusStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the meters follow the store, services that become known later included, and
 * read the engine's counts on each measurement.
 */
class HealthGrpcMetricsTests {

	@Test
	void servingGaugesFollowTheStore() {
		StatusStore store = new StatusStore();
		store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new HealthGrpcMetrics(store, () -> new CheckEngineLoad(0, 0, 0, 0, 0, 0), () -> 7).bindTo(registry);
		assertThat(serving(registry, "overall")).isZero();
		store.record("db", Health.up().build());
		store.setAcceptingTraffic(true);
		assertThat(serving(registry, "demo.Inventory")).isOne();
		assertThat(serving(registry, "overall")).isOne();
		store.addServices(List.of("demo.Greeter"));
		// Its gauge is registered when the store's listener thread tells the meters.
		await().ignoreExceptions().untilAsserted(() -> assertThat(serving(registry, "demo.Greeter")).isOne());
		assertThat(registry.get("grpc.health.watchers").gauge().value()).isEqualTo(7);
	}

	@Test
	void theWatchBudgetIsAGaugeBesideTheOpenWatchCalls() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new HealthGrpcMetrics(new StatusStore(), () -> new CheckEngineLoad(0, 0, 0, 0, 0, 0), () -> 7, () -> 300)
			.bindTo(registry);
		assertThat(registry.get("grpc.health.watchers").gauge().value()).isEqualTo(7);
		// What an alert divides by: the open calls as a share of max-watchers.
		assertThat(registry.get("grpc.health.watchers.limit").gauge().value()).isEqualTo(300);
	}

	@Test
	void servingChangesCountEachChangeOfAServiceButNotItsFirstStatus() {
		StatusStore store = new StatusStore();
		store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db", "pricing")));
		store.setAcceptingTraffic(true);
		store.record("db", Health.up().build());
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new HealthGrpcMetrics(store, () -> new CheckEngineLoad(0, 0, 0, 0, 0, 0), () -> 0).bindTo(registry);
		assertThat(changes(registry, "overall")).isZero();
		assertThat(changes(registry, "demo.Inventory")).isZero();
		store.record("pricing", Health.up().build());
		await().untilAsserted(() -> assertThat(changes(registry, "demo.Inventory")).isOne());
		for (int i = 0; i < 10; i++) {
			// Results that change no serving status are no change.
			store.record("pricing", Health.up().withDetail("run", i).build());
		}
		store.record("pricing", Health.down().build());
		await().untilAsserted(() -> assertThat(changes(registry, "demo.Inventory")).isEqualTo(2));
		assertThat(changes(registry, "overall")).isZero();
		store.addServices(List.of("demo.Greeter"));
		await().ignoreExceptions().untilAsserted(() -> assertThat(serving(registry, "demo.Greeter")).isOne());
		assertThat(changes(registry, "demo.Greeter")).isZero();
	}

	@Test
	void engineMetersReadTheEnginesCountsOnEachMeasurement() {
		AtomicReference<CheckEngineLoad> load = new AtomicReference<>(new CheckEngineLoad(0, 0, 0, 0, 0, 0));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new HealthGrpcMetrics(new StatusStore(), load::get, () -> 0).bindTo(registry);
		load.set(new CheckEngineLoad(100, 2, 30, 4, 5, 6));
		assertThat(registry.get("grpc.health.checks.evaluations").functionCounter().count()).isEqualTo(100);
		assertThat(registry.get("grpc.health.checks.late.starts").functionCounter().count()).isEqualTo(2);
		assertThat(registry.get("grpc.health.checks.skipped.ticks").functionCounter().count()).isEqualTo(30);
		assertThat(registry.get("grpc.health.checks.queued").gauge().value()).isEqualTo(4);
		assertThat(registry.get("grpc.health.checks.stuck").gauge().value()).isEqualTo(5);
		assertThat(registry.get("grpc.health.checks.threads.written.off").functionCounter().count()).isEqualTo(6);
	}

	private static double changes(SimpleMeterRegistry registry, String service) {
		return registry.get("grpc.health.serving.changes").tag("service", service).counter().count();
	}

	private static double serving(SimpleMeterRegistry registry, String service) {
		return registry.get("grpc.health.serving").tag("service", service).gauge().value();
	}

}
