package io.github.healthgrpc.actuate;

import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcHealthIndicatorTests {

	private final StatusStore store = new StatusStore();

	private final GrpcHealthIndicator indicator = new GrpcHealthIndicator(this.store);

	@Test
	void followsTheOverallStatusAndDescribesEveryService() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db", "pricing")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.down().withDetail("host", "pricing:9099").build());
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overall", Map.of("status", "SERVING", "checks", Map.of("db", "UP")));
		assertThat(health.getDetails()).containsEntry("services", Map.of("demo.Inventory",
				Map.of("status", "NOT_SERVING", "checks", Map.of("db", "UP", "pricing", "DOWN"))));
	}

	@Test
	void isDownWhileTheServerIsNotServing() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.record("db", Health.up().build());
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

}
