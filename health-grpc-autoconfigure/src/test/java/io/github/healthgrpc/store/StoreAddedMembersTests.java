package io.github.healthgrpc.store;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member checks that code adds to a service by name while the application runs, on top of
 * the members its definition gives it, as a status set through grpc-java's
 * {@code HealthStatusManager} is.
 */
class StoreAddedMembersTests {

	private final StatusStore store = new StatusStore();

	@BeforeEach
	void serveEveryService() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		this.store.addServices(Set.of("demo.Greeter"));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
	}

	@Test
	void anAddedMemberCombinesWithTheServicesOwnMembers() {
		this.store.record("manual/demo.Inventory", Health.down().build());
		this.store.addMember("demo.Inventory", "manual/demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(this.store.health("demo.Inventory").checks()).containsOnlyKeys("db", "manual/demo.Inventory");
		this.store.record("manual/demo.Inventory", Health.up().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
		this.store.record("db", Health.down().build());
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
	}

	@Test
	void aMemberAddedToTheOverallIsNotInheritedByTheServicesThatFollowIt() {
		this.store.record("manual", Health.down().build());
		this.store.addMember("", "manual");
		assertThat(this.store.status("")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(this.store.status("demo.Greeter")).isEqualTo(ServingStatus.SERVING);
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
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
	}

	@Test
	void aServiceMadeKnownLaterTakesTheMemberAddedToIt() {
		this.store.record("manual/demo.Later", Health.down().build());
		this.store.addMember("demo.Later", "manual/demo.Later");
		assertThat(this.store.status("demo.Later")).isNull();
		this.store.addServices(Set.of("demo.Later"));
		assertThat(this.store.status("demo.Later")).isEqualTo(ServingStatus.NOT_SERVING);
	}

	@Test
	void aRemovedMemberLetsTheServiceFollowItsOwnMembersAgain() {
		this.store.record("manual/demo.Inventory", Health.down().build());
		this.store.addMember("demo.Inventory", "manual/demo.Inventory");
		this.store.removeMember("demo.Inventory", "manual/demo.Inventory");
		assertThat(this.store.status("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
		assertThat(this.store.health("demo.Inventory").checks()).containsExactly(Map.entry("db", Status.UP));
	}

}
