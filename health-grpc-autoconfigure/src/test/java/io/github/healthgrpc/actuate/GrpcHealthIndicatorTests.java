package io.github.healthgrpc.actuate;

import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcHealthIndicatorTests {

	private final StatusStore store = new StatusStore();

	private final GrpcHealthIndicator indicator = new GrpcHealthIndicator(this.store,
			new NotServingReasons(this.store, ServingStatusMapper.getDefault(), "readinessState"::equals));

	@Test
	void followsTheOverallStatusAndDescribesEveryService() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db", "pricing")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.down().withDetail("host", "pricing:9099").build());
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overall",
				Map.of("status", "SERVING", "maintenance", false, "checks", Map.of("db", "UP")));
		assertThat(health.getDetails()).containsEntry("services",
				Map.of("demo.Inventory", Map.of("status", "NOT_SERVING", "reason", "pricing is DOWN", "maintenance",
						false, "checks", Map.of("db", "UP", "pricing", "DOWN"))));
	}

	@Test
	void isDownWhileACheckOfTheOverallStatusIsDown() {
		this.store.defineServices(Map.of("", Set.of("db", "pricing")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.down().build());
		this.store.record("pricing", Health.up().build());
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("overall", Map.of("status", "NOT_SERVING", "reason", "db is DOWN",
				"maintenance", false, "checks", Map.of("db", "DOWN", "pricing", "UP")));
	}

	@Test
	void isUpDuringWarmUpAndSaysWhyTheServerIsNotServing() {
		this.store.defineServices(Map.of("", Set.of("db", "readinessState")));
		this.store.record("db", Health.up().build());
		this.store.record("readinessState", Health.status(Status.OUT_OF_SERVICE).build());
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overall", Map.of("status", "NOT_SERVING", "reason", "warming up",
				"maintenance", false, "checks", Map.of("db", "UP", "readinessState", "OUT_OF_SERVICE")));
	}

	@Test
	void isUpWhileACheckHasNotAnsweredYet() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.indicator.health().getDetails()).containsEntry("overall", Map.of("status", "NOT_SERVING",
				"reason", "warming up", "maintenance", false, "checks", Map.of("db", "UNKNOWN")));
	}

	@Test
	void isUpDuringTheShutdownDrain() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.drain();
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overall", Map.of("status", "NOT_SERVING", "reason",
				"shutting down", "maintenance", false, "checks", Map.of("db", "UP")));
	}

	@Test
	void isUpUnderMaintenanceAndSaysSo() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.startMaintenanceOfEveryService();
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overall", Map.of("status", "NOT_SERVING", "reason",
				"under maintenance", "maintenance", true, "checks", Map.of("db", "UP")));
	}

	@Test
	void isUpWhileOneServiceIsUnderMaintenanceAndSaysWhichWithItsReason() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.startMaintenance("demo.Inventory");
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("overall",
				Map.of("status", "SERVING", "maintenance", false, "checks", Map.of("db", "UP")));
		assertThat(health.getDetails()).containsEntry("services", Map.of("demo.Inventory", Map.of("status",
				"NOT_SERVING", "reason", "under maintenance", "maintenance", true, "checks", Map.of("db", "UP"))));
	}

	@Test
	void isUpWhileTheApplicationRefusesTrafficAfterServing() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.setAcceptingTraffic(false);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.indicator.health().getDetails()).containsEntry("overall", Map.of("status", "NOT_SERVING",
				"reason", "refusing traffic", "maintenance", false, "checks", Map.of("db", "UP")));
	}

	@Test
	void judgesChecksByTheSameRuleAsTheStore() {
		ServingStatusMapper outOfServiceServes = ServingStatusMapper.of(Map.of("out-of-service", ServingState.SERVING));
		GrpcHealthIndicator indicator = new GrpcHealthIndicator(this.store,
				new NotServingReasons(this.store, outOfServiceServes, (check) -> false));
		this.store.defineServices(Map.of("", Set.of("maintenance")));
		this.store.record("maintenance", Health.outOfService().build());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

}
