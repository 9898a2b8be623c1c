package io.github.healthgrpc.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Maintenance in the status store: a gate of its own beside readiness and the drain, that
 * no check result lifts, that leaves the drain alone and never touches liveness.
 */
class StoreMaintenanceTests {

	private final StatusStore store = new StatusStore();

	private final List<String> changes = new CopyOnWriteArrayList<>();

	@BeforeEach
	void serveEveryService() {
		this.store.define(Map.of("", ServiceDefinition.followingTraffic(Set.of("db")), "demo.Inventory",
				ServiceDefinition.followingTraffic(Set.of("db", "pricing")), "readiness",
				ServiceDefinition.followingTraffic(Set.of()), "liveness",
				ServiceDefinition.followingLiveness(Set.of())));
		this.store.setLive(true);
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.up().build());
		assertThat(this.store.statuses()).containsOnlyKeys("", "demo.Inventory", "readiness", "liveness")
			.allSatisfy((service, status) -> assertThat(status).isEqualTo(ServingState.SERVING));
		this.store.addListener((service, status) -> this.changes.add(service + "=" + status));
	}

	@Test
	void aServiceUnderMaintenanceIsNotServingAndListenersHearItWhileTheOthersServe() {
		this.store.startMaintenance("demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.status("")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.maintenance()).containsExactly("demo.Inventory");
		assertThat(heard()).containsExactly("demo.Inventory=NOT_SERVING");
	}

	@Test
	void aCheckThatRecoversDoesNotEndMaintenanceAndEndingItServesAgain() {
		this.store.startMaintenance("demo.Inventory");
		assertThat(heard()).containsExactly("demo.Inventory=NOT_SERVING");
		this.store.record("pricing", Health.down().build());
		this.store.record("pricing", Health.up().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		this.store.endMaintenance("demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.maintenance()).isEmpty();
		assertThat(heard()).containsExactly("demo.Inventory=NOT_SERVING", "demo.Inventory=SERVING");
	}

	@Test
	void endingMaintenanceDuringTheDrainDoesNotUndoTheDrain() {
		this.store.startMaintenance("demo.Inventory");
		this.store.drain();
		this.store.endMaintenance("demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.status("")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void maintenanceOfEveryServiceTakesTheOverallAndReadinessButNeverLiveness() {
		assertThat(this.store.startMaintenanceOfEveryService()).containsExactlyInAnyOrder("", "demo.Inventory",
				"readiness");
		assertThat(this.store.statuses()).contains(entry("", ServingState.NOT_SERVING),
				entry("demo.Inventory", ServingState.NOT_SERVING), entry("readiness", ServingState.NOT_SERVING),
				entry("liveness", ServingState.SERVING));
		this.store.endMaintenanceOfEveryService();
		assertThat(this.store.statuses())
			.allSatisfy((service, status) -> assertThat(status).isEqualTo(ServingState.SERVING));
		assertThat(this.store.maintenance()).isEmpty();
	}

	@Test
	void endingOneServiceAfterEveryServiceLeavesTheOthersUnderMaintenance() {
		this.store.startMaintenanceOfEveryService();
		this.store.endMaintenance("demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.maintenance()).containsExactlyInAnyOrder("", "readiness");
	}

	@Test
	void eachChangeSaysWhetherItChangedAnything() {
		assertThat(this.store.startMaintenance("demo.Inventory")).isTrue();
		assertThat(this.store.startMaintenance("demo.Inventory")).isFalse();
		assertThat(this.store.endMaintenance("demo.Inventory")).isTrue();
		assertThat(this.store.endMaintenance("demo.Inventory")).isFalse();
		this.store.startMaintenance("demo.Inventory");
		// Every service says which ones it took: not those already under maintenance.
		assertThat(this.store.startMaintenanceOfEveryService()).containsExactlyInAnyOrder("", "readiness");
		assertThat(this.store.startMaintenanceOfEveryService()).isEmpty();
		assertThat(this.store.endMaintenanceOfEveryService()).containsExactlyInAnyOrder("", "demo.Inventory",
				"readiness");
		assertThat(this.store.endMaintenanceOfEveryService()).isEmpty();
	}

	@Test
	void onceClosedMaintenanceNoLongerChangesAndTheStoreSaysWhatItKeeps() {
		this.store.startMaintenance("demo.Inventory");
		this.store.close();
		assertThat(this.store.startMaintenance("")).isFalse();
		assertThat(this.store.startMaintenanceOfEveryService()).isEmpty();
		assertThat(this.store.endMaintenance("demo.Inventory")).isFalse();
		assertThat(this.store.endMaintenanceOfEveryService()).isEmpty();
		assertThat(this.store.maintenance()).containsExactly("demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void anUnknownServiceOrOneThatFollowsLivenessCannotBePutUnderMaintenance() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.startMaintenance("demo.Nope"))
			.withMessage("Service \"demo.Nope\" cannot be put under maintenance: it is not known");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.startMaintenance("liveness"))
			.withMessage("Service \"liveness\" cannot be put under maintenance: it follows liveness");
		assertThat(this.store.maintainableServices()).containsExactlyInAnyOrder("", "demo.Inventory", "readiness");
		assertThat(this.store.maintenance()).isEmpty();
	}

	@Test
	void theTimeOfEachCheckResultIsKept() {
		assertThat(this.store.checkResultTime("nope")).isNull();
		Instant before = Instant.now();
		this.store.record("db", Health.up().build());
		assertThat(this.store.checkResultTime("db")).isBetween(before, Instant.now());
	}

	private List<String> heard() {
		assertThat(this.store.awaitListeners(Duration.ofSeconds(10))).as("listeners still behind").isEmpty();
		return this.changes;
	}

}
