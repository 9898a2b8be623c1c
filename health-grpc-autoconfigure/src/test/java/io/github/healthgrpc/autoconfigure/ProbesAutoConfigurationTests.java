package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.lifecycle.AvailabilityListener;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.healthgrpc.autoconfigure.HealthGrpcConfigurationFailureTests.failsToBind;
import static io.github.healthgrpc.autoconfigure.HealthGrpcConfigurationFailureTests.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in probe services and the status mapping as configured: which services exist,
 * their members from Spring Boot's health groups, the mapper bean and its back-off, and
 * the failures for probe names that would clash.
 */
class ProbesAutoConfigurationTests {

	private static final String PROBE_FIX = "Give the built-in service another name, or set "
			+ "grpc.health.probes.enabled=false";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				HealthGrpcAutoConfiguration.class))
		.withUserConfiguration(ChecksConfiguration.class)
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenProbesAreOnByDefaultThenLivenessAndReadinessAreKnownServices() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AvailabilityListener.class);
			assertThat(store(context).statuses()).containsOnlyKeys("", "liveness", "readiness");
		});
	}

	@Test
	void whenProbesAreDisabledThenNeitherServiceIsKnown() {
		this.contextRunner.withPropertyValues("grpc.health.probes.enabled=false")
			.run((context) -> assertThat(store(context).statuses()).containsOnlyKeys(""));
	}

	@Test
	void whenProbeServicesAreRenamedThenTheyAreKnownByTheirNewNames() {
		this.contextRunner
			.withPropertyValues("grpc.health.probes.liveness-service=live",
					"grpc.health.probes.readiness-service=ready")
			.run((context) -> assertThat(store(context).statuses()).containsOnlyKeys("", "live", "ready"));
	}

	@Test
	void whenHealthGroupsNameMembersThenTheProbeServicesHaveExactlyTheChecksThatExistInThem() {
		this.contextRunner
			.withPropertyValues("management.endpoint.health.group.readiness.include=db,deadlock",
					"management.endpoint.health.group.liveness.include=deadlock")
			.run((context) -> {
				assertThat(store(context).health("readiness").checks()).containsOnlyKeys("db", "deadlock");
				assertThat(store(context).health("liveness").checks()).containsOnlyKeys("deadlock");
				assertThat(store(context).health("").checks()).containsKeys("db", "pricing", "cache", "deadlock");
			});
	}

	@Test
	void whenGroupMembershipIsNotValidatedThenAGroupMayNameAnyCheck() {
		// Spring Boot checks that group members are health contributors unless told not
		// to; then a @HealthCheck or a ManualHealthCheck may be a member too.
		this.contextRunner
			.withPropertyValues("management.endpoint.health.validate-group-membership=false",
					"management.endpoint.health.group.readiness.include=pricing,cache,nosuchcheck")
			.run((context) -> assertThat(store(context).health("readiness").checks()).containsOnlyKeys("pricing",
					"cache"));
	}

	@Test
	void whenAHealthGroupIncludesACompositeThenItsMembersAreTheCompositesChildren() {
		this.contextRunner.withUserConfiguration(HealthGrpcMappingTests.CompositeConfiguration.class)
			.withPropertyValues("management.endpoint.health.group.readiness.include=replicas")
			.run((context) -> assertThat(store(context).health("readiness").checks()).containsOnlyKeys("replicas/east",
					"replicas/west"));
	}

	@Test
	void whenThereAreNoHealthGroupsThenTheProbeServicesHaveNoMembers() {
		this.contextRunner.run((context) -> {
			assertThat(store(context).health("readiness").checks()).isEmpty();
			assertThat(store(context).health("liveness").checks()).isEmpty();
		});
	}

	@Test
	void whenThereIsNoHealthEndpointThenTheProbeServicesHaveNoMembers() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthGrpcAutoConfiguration.class))
			.withUserConfiguration(ChecksConfiguration.class)
			.withPropertyValues("grpc.health.shutdown.drain-delay=0s",
					"management.endpoint.health.group.readiness.include=db")
			.run((context) -> assertThat(store(context).health("readiness").checks()).isEmpty());
	}

	@Test
	void whenNothingIsMappedThenOnlyUpIsServing() {
		this.contextRunner.run((context) -> {
			ServingStatusMapper mapper = context.getBean(ServingStatusMapper.class);
			assertThat(mapper.map(Status.UP)).isEqualTo(ServingState.SERVING);
			assertThat(mapper.map(Status.OUT_OF_SERVICE)).isEqualTo(ServingState.NOT_SERVING);
			assertThat(mapper.map(Status.UNKNOWN)).isEqualTo(ServingState.NOT_SERVING);
		});
	}

	@Test
	void whenStatusCodesAreMappedInEitherSpellingThenTheMapperFollowsThem() {
		this.contextRunner
			.withPropertyValues("grpc.health.status.mapping.out-of-service=serving",
					"grpc.health.status.mapping.DEGRADED=Serving", "grpc.health.status.mapping.UNKNOWN=SERVING",
					"grpc.health.status.mapping.up=serving")
			.run((context) -> {
				ServingStatusMapper mapper = context.getBean(ServingStatusMapper.class);
				assertThat(mapper.map(Status.OUT_OF_SERVICE)).isEqualTo(ServingState.SERVING);
				assertThat(mapper.map(new Status("DEGRADED"))).isEqualTo(ServingState.SERVING);
				assertThat(mapper.map(Status.UNKNOWN)).isEqualTo(ServingState.SERVING);
				assertThat(mapper.map(Status.UP)).isEqualTo(ServingState.SERVING);
			});
	}

	@Test
	void whenAStatusIsMappedToSomethingElseThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("grpc.health.status.mapping.down=maybe")
			.run(failsToBind("grpc.health.status.mapping.down"));
	}

	@Test
	void whenTheUserDefinesAMapperThenTheAutoConfiguredOneBacksOffAndTheStoreUsesTheUsers() {
		this.contextRunner.withUserConfiguration(UserMapperConfiguration.class)
			.withPropertyValues("grpc.health.overall.include=db")
			.run((context) -> {
				assertThat(context).hasSingleBean(ServingStatusMapper.class)
					.doesNotHaveBean("healthGrpcServingStatusMapper");
				StatusStore store = store(context);
				store.setAcceptingTraffic(true);
				store.record("db", Health.down().build());
				assertThat(store.status("")).isEqualTo(ServingState.SERVING);
			});
	}

	@Test
	void whenTheLivenessServiceIsEmptyThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.probes.liveness-service=")
			.run(failsWith("grpc.health.probes.liveness-service", "",
					"It is empty, the name of the overall service \"\". " + PROBE_FIX));
	}

	@Test
	void whenTheReadinessServiceIsTheLivenessServiceThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.probes.readiness-service=liveness")
			.run(failsWith("grpc.health.probes.readiness-service", "liveness",
					"It is also the name of grpc.health.probes.liveness-service"));
	}

	@Test
	void whenAProbeServiceIsAlsoAMappedServiceThenStartupFails() {
		this.contextRunner
			.withPropertyValues("grpc.health.services.readiness.include=db",
					"grpc.health.probes.readiness-service=readiness")
			.run(failsWith("grpc.health.probes.readiness-service", "readiness",
					"It is also a service mapped in grpc.health.services[readiness]"));
	}

	@Test
	void whenProbesAreDisabledThenTheirNamesMayBeMappedServices() {
		this.contextRunner
			.withPropertyValues("grpc.health.probes.enabled=false", "grpc.health.services.readiness.include=db")
			.run((context) -> assertThat(store(context).health("readiness").checks()).containsOnlyKeys("db"));
	}

	private static StatusStore store(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(StatusStore.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class ChecksConfiguration extends HealthGrpcConfigurationFailureTests.ChecksConfiguration {

		@Bean
		HealthIndicator deadlockHealthIndicator() {
			return () -> Health.up().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMapperConfiguration {

		@Bean
		ServingStatusMapper everythingServes() {
			return (status) -> ServingState.SERVING;
		}

	}

}
