package io.github.healthgrpc.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.healthgrpc.engine.CheckDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class HealthContributorCheckSourceTests {

	@Test
	void indicatorsAndCompositeMembersBecomeChecksUnderTheActuatorNames() throws Exception {
		HealthIndicator mirror = () -> Health.up().build();
		Map<String, HealthContributor> members = new LinkedHashMap<>();
		members.put("primary", (HealthIndicator) () -> Health.up().build());
		members.put("replica", (HealthIndicator) () -> Health.down().withDetail("lag", "12s").build());
		DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
		registry.registerContributor("ping", (HealthIndicator) () -> Health.up().build());
		registry.registerContributor("db", CompositeHealthContributor.fromMap(members));
		registry.registerContributor("grpc", mirror);
		var checks = new HealthContributorCheckSource(registry, (contributor) -> contributor == mirror, null).checks();
		assertThat(checks).extracting(CheckDefinition::name)
			.containsExactlyInAnyOrder("ping", "db/primary", "db/replica");
		CheckDefinition.Polled replica = (CheckDefinition.Polled) checks.stream()
			.filter((check) -> check.name().equals("db/replica"))
			.findFirst()
			.orElseThrow();
		assertThat(replica.function().evaluate().toCompletableFuture().get().getDetails()).containsEntry("lag", "12s");
	}

	@Test
	void readingAgainACompositeThatMakesItsMembersAsItIsIteratedYieldsEqualChecksUntilItIsRegisteredAgain() {
		DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
		registry.registerContributor("clients", new MadeAsIteratedComposite(Duration.ZERO, "a"));
		HealthContributorCheckSource source = new HealthContributorCheckSource(registry, (contributor) -> false, null);
		List<CheckDefinition> first = source.checks();
		assertThat(source.checks()).isEqualTo(first);
		registry.unregisterContributor("clients");
		registry.registerContributor("clients", new MadeAsIteratedComposite(Duration.ZERO, "a"));
		assertThat(source.checks()).isNotEqualTo(first);
	}

	@Test
	void availabilityIndicatorsArePushedOnEveryAvailabilityChange() {
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		AvailabilityChanges changes = new AvailabilityChanges();
		DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
		registry.registerContributor("readinessState", new ReadinessStateHealthIndicator(availability));
		var checks = new HealthContributorCheckSource(registry, (contributor) -> false, changes).checks();
		assertThat(checks).singleElement().isInstanceOf(CheckDefinition.Pushed.class);
		List<Status> pushed = new ArrayList<>();
		((CheckDefinition.Pushed) checks.get(0)).subscription().accept((health) -> pushed.add(health.getStatus()));
		assertThat(pushed).containsExactly(Status.OUT_OF_SERVICE);
		// The application records the change first, then the changes are fanned out.
		AvailabilityChangeEvent<ReadinessState> ready = new AvailabilityChangeEvent<>(this,
				ReadinessState.ACCEPTING_TRAFFIC);
		availability.onApplicationEvent(ready);
		changes.onApplicationEvent(ready);
		assertThat(pushed).containsExactly(Status.OUT_OF_SERVICE, Status.UP);
	}

	@Test
	void withoutAvailabilityChangesAvailabilityIndicatorsArePolled() {
		DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
		registry.registerContributor("readinessState",
				new ReadinessStateHealthIndicator(new ApplicationAvailabilityBean()));
		assertThat(new HealthContributorCheckSource(registry, (contributor) -> false, null).checks()).singleElement()
			.isInstanceOf(CheckDefinition.Polled.class);
	}

}
