package io.github.healthgrpc.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.StatusStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the meters follow the store and the engine, services that become known
 * later included.
 */
class HealthGrpcMetricsTests {

	@Test
	void servingGaugesFollowTheStoreAndEngineCountersFollowTheRunner() {
		StatusStore store = new StatusStore();
		store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		try (CheckRunner runner = new CheckRunner(store, 1)) {
			new HealthGrpcMetrics(store, runner, () -> 7).bindTo(registry);
			assertThat(serving(registry, "overall")).isZero();
			runner.start(List.of(new CheckDefinition.Polled("db",
					() -> CompletableFuture.completedFuture(Health.up().build()))),
					(name) -> new CheckSchedule(Duration.ofMillis(20), Duration.ofSeconds(1)));
			store.setAcceptingTraffic(true);
			await().untilAsserted(() -> assertThat(serving(registry, "demo.Inventory")).isOne());
			assertThat(serving(registry, "overall")).isOne();
			store.addServices(List.of("demo.Greeter"));
			// Its gauge is registered when the store's listener thread tells the meters.
			await().ignoreExceptions().untilAsserted(() -> assertThat(serving(registry, "demo.Greeter")).isOne());
			await().untilAsserted(() -> assertThat(
					registry.get("grpc.health.checks.evaluations").functionCounter().count()).isGreaterThan(2));
			assertThat(registry.get("grpc.health.watchers").gauge().value()).isEqualTo(7);
			// The other engine meters exist (get() throws if not); their values depend on timing.
			registry.get("grpc.health.checks.late.starts").functionCounter();
			registry.get("grpc.health.checks.skipped.ticks").functionCounter();
			registry.get("grpc.health.checks.queued").gauge();
		}
	}

	private static double serving(SimpleMeterRegistry registry, String service) {
		return registry.get("grpc.health.serving").tag("service", service).gauge().value();
	}

}
