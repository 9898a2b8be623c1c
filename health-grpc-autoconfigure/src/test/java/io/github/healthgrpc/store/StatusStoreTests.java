package io.github.healthgrpc.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StatusStoreTests {

	private final StatusStore store = new StatusStore();

	private final List<String> changes = new CopyOnWriteArrayList<>();

	@BeforeEach
	void defineServices() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db", "pricing")));
		this.store.addListener(new StatusListener() {
			@Override
			public void servingStatusChanged(String service, ServingState status) {
				StatusStoreTests.this.changes.add(service + "=" + status);
			}

			@Override
			public void storeClosed() {
				StatusStoreTests.this.changes.add("closed");
			}
		});
	}

	@Test
	void servicesAreNotServingBeforeTheApplicationAcceptsTraffic() {
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.up().build());
		assertThat(this.store.statuses()).containsOnly(entry("", ServingState.NOT_SERVING),
				entry("demo.Inventory", ServingState.NOT_SERVING));
		this.store.setAcceptingTraffic(true);
		assertThat(this.store.statuses()).containsOnly(entry("", ServingState.SERVING),
				entry("demo.Inventory", ServingState.SERVING));
	}

	@Test
	void aStatusTheMapperThrowsOnCountsAsDownAndWhatTheStoreKeepsAgreesWithWhatItPublishes() {
		StatusStore store = new StatusStore((status) -> {
			if (Status.OUT_OF_SERVICE.equals(status)) {
				throw new IllegalStateException("unexpected status");
			}
			return ServingStatusMapper.getDefault().map(status);
		});
		store.defineServices(Map.of("", Set.of("db")));
		store.setAcceptingTraffic(true);
		Health up = Health.up().build();
		assertThat(store.record("db", up)).isSameAs(up);
		assertThat(store.status("")).isEqualTo(ServingState.SERVING);
		for (int i = 0; i < 3; i++) {
			Health kept = store.record("db", Health.outOfService().build());
			assertThat(kept.getStatus()).isEqualTo(Status.DOWN);
			assertThat(kept.getDetails()).containsEntry("error",
					"The serving status mapper threw on status OUT_OF_SERVICE: "
							+ "java.lang.IllegalStateException: unexpected status");
			assertThat(store.checkResult("db")).isSameAs(kept);
			assertThat(store.status("")).isEqualTo(ServingState.NOT_SERVING);
		}
		// Nothing else maps a status again, so nothing else can throw.
		store.setAcceptingTraffic(true);
		assertThat(store.status("")).isEqualTo(ServingState.NOT_SERVING);
		store.record("db", up);
		assertThat(store.status("")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void aServiceIsNotServingUntilEveryMemberCheckHasAResult() {
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		assertThat(this.store.status("")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.health("demo.Inventory").checks()).containsEntry("pricing", Status.UNKNOWN);
	}

	@Test
	void aServiceIsServingOnlyIfEveryMemberCheckIsUp() {
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.outOfService().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		this.store.record("pricing", Health.up().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void listenersHearChangesOnlyNotEveryEvaluation() {
		this.store.setAcceptingTraffic(true);
		assertThat(heard()).isEmpty();
		this.store.record("db", Health.up().build());
		this.store.record("db", Health.up().withDetail("latency", 3).build());
		this.store.record("db", Health.up().build());
		assertThat(heard()).containsExactly("=SERVING");
	}

	@Test
	void servicesAddedLaterFollowTheOverallStatus() {
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.addServices(List.of("demo.Greeter", "demo.Inventory"));
		assertThat(this.store.status("demo.Greeter")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.health("demo.Greeter").checks()).containsOnlyKeys("db");
		assertThat(this.store.health("demo.Inventory").checks()).containsOnlyKeys("db", "pricing");
		assertThat(heard()).contains("demo.Greeter=SERVING");
	}

	@Test
	void remembersWhetherAnyServiceHasEverServed() {
		assertThat(this.store.hasEverServed()).isFalse();
		this.store.record("db", Health.up().build());
		assertThat(this.store.hasEverServed()).isFalse();
		this.store.setAcceptingTraffic(true);
		assertThat(this.store.hasEverServed()).isTrue();
		this.store.setAcceptingTraffic(false);
		assertThat(this.store.hasEverServed()).isTrue();
	}

	@Test
	void unknownServicesHaveNoStatus() {
		assertThat(this.store.status("demo.Nope")).isNull();
		assertThat(this.store.health("demo.Nope")).isNull();
	}

	@Test
	void closingTurnsEveryServiceNotServingForGoodThenTellsListeners() {
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		assertThat(heard()).containsExactly("=SERVING");
		this.changes.clear();
		this.store.close();
		assertThat(heard()).containsExactly("=NOT_SERVING", "closed");
		this.store.setAcceptingTraffic(true);
		assertThat(this.store.status("")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.isClosed()).isTrue();
	}

	@Test
	void aDrainCannotBeUndoneByTheApplicationAcceptingTrafficOrAChecksRecovery() {
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.down().build());
		assertThat(heard()).containsExactly("=SERVING");
		this.store.drain();
		assertThat(this.store.statuses()).containsOnly(entry("", ServingState.NOT_SERVING),
				entry("demo.Inventory", ServingState.NOT_SERVING));
		this.store.setAcceptingTraffic(true);
		this.store.record("pricing", Health.up().build());
		assertThat(this.store.statuses()).containsOnly(entry("", ServingState.NOT_SERVING),
				entry("demo.Inventory", ServingState.NOT_SERVING));
		assertThat(this.store.isDraining()).isTrue();
		assertThat(this.store.isClosed()).isFalse();
		assertThat(heard()).containsExactly("=SERVING", "=NOT_SERVING");
	}

	@Test
	void aFailingListenerDoesNotKeepOthersFromHearing() {
		List<String> heard = new CopyOnWriteArrayList<>();
		StatusStore store = new StatusStore();
		store.addListener((service, status) -> {
			throw new IllegalStateException("boom");
		});
		store.addListener((service, status) -> heard.add(service + "=" + status));
		store.defineServices(Map.of("", Set.of()));
		store.setAcceptingTraffic(true);
		assertThat(store.awaitListeners(Duration.ofSeconds(10))).isEmpty();
		assertThat(heard).containsExactly("=SERVING");
	}

	@Test
	void aListenerHearsTheChangesThatCameTogetherAndThenThatTheyAreAllNeverPartOfThem() {
		int services = 100;
		int flips = 50;
		Map<String, Set<String>> definitions = new HashMap<>();
		definitions.put("", Set.of("db"));
		for (int i = 0; i < services; i++) {
			definitions.put("demo.Service" + i, Set.of("db"));
		}
		StatusStore store = new StatusStore();
		store.defineServices(definitions);
		store.setAcceptingTraffic(true);
		store.record("db", Health.up().build());
		List<Integer> batches = new CopyOnWriteArrayList<>();
		int[] changes = new int[1];
		store.addListener(new StatusListener() {
			@Override
			public void servingStatusChanged(String service, ServingState status) {
				changes[0]++;
			}

			@Override
			public void changesHeard() {
				batches.add(changes[0]);
				changes[0] = 0;
			}
		});
		for (int i = 0; i < flips; i++) {
			store.record("db", (i % 2 == 0) ? Health.down().build() : Health.up().build());
			// One flip at a time: the listener may coalesce flips it hears late, never
			// split one.
			assertThat(store.awaitListeners(Duration.ofSeconds(10))).isEmpty();
		}
		System.out.println("store: changes heard before each 'that is all' for " + flips
				+ " flips of a check shared by " + services + " services: " + batches);
		assertThat(batches).hasSize(flips).containsOnly(services + 1);
	}

	@Test
	void aRemovedListenerHearsNothingMoreAndTheOthersKeepHearing() {
		List<String> removedHeard = new CopyOnWriteArrayList<>();
		StatusListener removed = (service, status) -> removedHeard.add(service + "=" + status);
		this.store.addListener(removed);
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		assertThat(heard()).containsExactly("=SERVING");
		assertThat(removedHeard).containsExactly("=SERVING");
		this.store.removeListener(removed);
		this.store.record("db", Health.down().build());
		this.store.close();
		assertThat(heard()).containsExactly("=SERVING", "=NOT_SERVING", "closed");
		assertThat(removedHeard).containsExactly("=SERVING");
	}

	@Test
	void aStoreWithAMappingServesOnTheStatusesItMapsToServing() {
		StatusStore store = new StatusStore(ServingStatusMapper
			.of(Map.of("out-of-service", ServingState.SERVING, "degraded", ServingState.SERVING)));
		store.defineServices(Map.of("", Set.of("db", "pricing")));
		store.setAcceptingTraffic(true);
		store.record("db", Health.outOfService().build());
		store.record("pricing", Health.status("DEGRADED").build());
		assertThat(store.status("")).isEqualTo(ServingState.SERVING);
		store.record("pricing", Health.unknown().build());
		assertThat(store.status("")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void aServiceFollowingLivenessIsServingWhileLiveWhateverReadinessSays() {
		StatusStore store = storeWithProbes();
		assertThat(store.status("liveness")).isEqualTo(ServingState.NOT_SERVING);
		store.setLive(true);
		// Not ready, and its member has no result yet: liveness waits for neither.
		assertThat(store.status("liveness")).isEqualTo(ServingState.SERVING);
		assertThat(store.status("readiness")).isEqualTo(ServingState.NOT_SERVING);
		store.setLive(false);
		assertThat(store.status("liveness")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void aServiceFollowingLivenessIsNotServingWhileAMemberWithAResultDoesNotMapToServing() {
		StatusStore store = storeWithProbes();
		store.setLive(true);
		store.record("deadlock", Health.down().build());
		assertThat(store.status("liveness")).isEqualTo(ServingState.NOT_SERVING);
		store.record("deadlock", Health.up().build());
		assertThat(store.status("liveness")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void aServiceFollowingLivenessKeepsServingThroughTheDrainAndTheClose() {
		StatusStore store = storeWithProbes();
		store.setLive(true);
		store.setAcceptingTraffic(true);
		store.record("db", Health.up().build());
		assertThat(store.statuses()).containsOnly(entry("", ServingState.SERVING),
				entry("liveness", ServingState.SERVING), entry("readiness", ServingState.SERVING));
		store.drain();
		assertThat(store.statuses()).containsOnly(entry("", ServingState.NOT_SERVING),
				entry("liveness", ServingState.SERVING), entry("readiness", ServingState.NOT_SERVING));
		store.close();
		assertThat(store.status("liveness")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void aServiceFollowingLivenessDoesNotCountAsHavingServed() {
		// The drain skips its delay for an application that never served traffic:
		// liveness alone told no client to send any.
		StatusStore store = storeWithProbes();
		store.setLive(true);
		assertThat(store.status("liveness")).isEqualTo(ServingState.SERVING);
		assertThat(store.hasEverServed()).isFalse();
	}

	@Test
	void theOverallServiceMustFollowTraffic() {
		assertThat(catchThrowable(
				() -> new StatusStore().define(Map.of("", ServiceDefinition.followingLiveness(Set.of())))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must follow traffic");
	}

	private static StatusStore storeWithProbes() {
		StatusStore store = new StatusStore();
		store.define(Map.of("", ServiceDefinition.followingTraffic(Set.of("db")), "liveness",
				ServiceDefinition.followingLiveness(Set.of("deadlock")), "readiness",
				ServiceDefinition.followingTraffic(Set.of("db"))));
		return store;
	}

	private List<String> heard() {
		assertThat(this.store.awaitListeners(Duration.ofSeconds(10))).as("listeners still behind").isEmpty();
		return this.changes;
	}

	private static Map.Entry<String, ServingState> entry(String service, ServingState status) {
		return Map.entry(service, status);
	}

}
