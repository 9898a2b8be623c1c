package io.github.healthgrpc.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Services whose member checks change while the application runs, as health contributors
 * are registered and unregistered, and as code adds members by name (a status set through
 * grpc-java's {@code HealthStatusManager}).
 */
class StoreRedefinitionTests {

	private final StatusStore store = new StatusStore();

	@BeforeEach
	void serveEveryService() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		this.store.addServices(Set.of("demo.Greeter"));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
	}

	@Test
	void aNewMemberKeepsItsServiceNotServingUntilItsFirstResult() {
		this.store.redefineMembers(Map.of("demo.Inventory", Set.of("db", "cache")));
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.health("demo.Inventory").checks()).containsEntry("cache", Status.UNKNOWN);
		assertThat(this.store.status("")).isEqualTo(ServingState.SERVING);
		this.store.record("cache", Health.up().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void servicesThatFollowTheOverallFollowItsNewMembers() {
		this.store.redefineMembers(Map.of("", Set.of("db", "cache")));
		assertThat(this.store.status("demo.Greeter")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.health("demo.Greeter").checks()).containsOnlyKeys("db", "cache");
		assertThat(this.store.health("demo.Inventory").checks()).containsOnlyKeys("db");
		this.store.record("cache", Health.down().build());
		assertThat(this.store.status("demo.Greeter")).isEqualTo(ServingState.NOT_SERVING);
		this.store.redefineMembers(Map.of("", Set.of("db")));
		assertThat(this.store.status("demo.Greeter")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.status("")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void aRedefinedServiceKeepsWhatItFollowsAndOnlyItsMembersChange() {
		this.store.define(Map.of("", ServiceDefinition.followingTraffic(Set.of("db")), "liveness",
				ServiceDefinition.followingLiveness(Set.of())));
		this.store.setLive(true);
		this.store.redefineMembers(Map.of("liveness", Set.of("deadlock")));
		assertThat(this.store.health("liveness").checks()).containsOnlyKeys("deadlock");
		this.store.drain();
		assertThat(this.store.status("liveness")).isEqualTo(ServingState.SERVING);
		this.store.record("deadlock", Health.down().build());
		assertThat(this.store.status("liveness")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void redefiningAServiceThatIsNotDefinedFailsNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.redefineMembers(Map.of("demo.Unknown", Set.of("db"))))
			.withMessage("Service \"demo.Unknown\" is not defined");
	}

	@Test
	void aForgottenResultLeavesAServiceThatStillNamesItsCheckNotServing() {
		this.store.forget("db");
		assertThat(this.store.checkResult("db")).isNull();
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.health("demo.Inventory").checks()).containsEntry("db", Status.UNKNOWN);
	}

	@Test
	void aMemberDroppedBeforeItsResultIsForgottenNeverTurnsItsServiceNotServing() {
		this.store.redefineMembers(Map.of("", Set.of("db", "cache"), "demo.Inventory", Set.of("db", "cache")));
		this.store.record("cache", Health.up().build());
		List<String> changes = new CopyOnWriteArrayList<>();
		this.store.addListener((service, status) -> changes.add(service + "=" + status));
		this.store.redefineMembers(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		this.store.forget("cache");
		assertThat(this.store.awaitListeners(Duration.ofSeconds(10))).isEmpty();
		assertThat(changes).isEmpty();
		assertThat(this.store.statuses()).doesNotContainValue(ServingState.NOT_SERVING);
	}

	@Test
	void anAddedMemberCombinesWithTheServicesOwnMembers() {
		this.store.record("manual/demo.Inventory", Health.down().build());
		this.store.addMember("demo.Inventory", "manual/demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.health("demo.Inventory").checks()).containsOnlyKeys("db", "manual/demo.Inventory");
		this.store.record("manual/demo.Inventory", Health.up().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.SERVING);
		this.store.record("db", Health.down().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void aMemberAddedToTheOverallIsNotInheritedByTheServicesThatFollowIt() {
		this.store.record("manual", Health.down().build());
		this.store.addMember("", "manual");
		assertThat(this.store.status("")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(this.store.status("demo.Greeter")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.health("demo.Greeter").checks()).containsOnlyKeys("db");
	}

	@Test
	void anAddedMemberStaysThroughRedefinitions() {
		this.store.record("manual/demo.Inventory", Health.down().build());
		this.store.addMember("demo.Inventory", "manual/demo.Inventory");
		this.store.redefineMembers(Map.of("demo.Inventory", Set.of("db", "cache"), "", Set.of("db")));
		assertThat(this.store.health("demo.Inventory").checks()).containsOnlyKeys("db", "cache",
				"manual/demo.Inventory");
		this.store.define(Map.of("", ServiceDefinition.followingTraffic(Set.of("db")), "demo.Inventory",
				ServiceDefinition.followingTraffic(Set.of("db"))));
		assertThat(this.store.health("demo.Inventory").checks()).containsOnlyKeys("db", "manual/demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void aServiceMadeKnownLaterTakesTheMemberAddedToIt() {
		this.store.record("manual/demo.Later", Health.down().build());
		this.store.addMember("demo.Later", "manual/demo.Later");
		assertThat(this.store.status("demo.Later")).isNull();
		this.store.addServices(Set.of("demo.Later"));
		assertThat(this.store.status("demo.Later")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void aRemovedMemberLetsTheServiceFollowItsOwnMembersAgain() {
		this.store.record("manual/demo.Inventory", Health.down().build());
		this.store.addMember("demo.Inventory", "manual/demo.Inventory");
		this.store.removeMember("demo.Inventory", "manual/demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingState.SERVING);
		assertThat(this.store.health("demo.Inventory").checks()).containsExactly(Map.entry("db", Status.UP));
	}

}
