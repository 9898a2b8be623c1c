package io.github.healthgrpc.source;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.healthgrpc.engine.CheckDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
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
		var checks = new HealthContributorCheckSource(registry, (contributor) -> contributor == mirror).checks();
		assertThat(checks).extracting(CheckDefinition::name).containsExactlyInAnyOrder("ping", "db/primary", "db/replica");
		CheckDefinition.Polled replica = (CheckDefinition.Polled) checks.stream()
			.filter((check) -> check.name().equals("db/replica"))
			.findFirst()
			.orElseThrow();
		assertThat(replica.function().evaluate().toCompletableFuture().get().getDetails()).containsEntry("lag", "12s");
	}

}
