package io.github.healthgrpc.autoconfigure;

import java.util.concurrent.CompletableFuture;

import io.github.healthgrpc.actuate.GrpcHealthIndicator;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code grpc} component of Spring Boot's health endpoint: its switch, the health
 * groups it belongs to, and what it and the probe groups say while gRPC is NOT_SERVING
 * for warm-up or the drain, with Spring Boot's availability probes on (its default).
 */
class GrpcHealthComponentTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
				AvailabilityProbesAutoConfiguration.class))
		.withUserConfiguration(CacheCheckConfiguration.class)
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenManagementHealthGrpcIsDisabledThenThereIsNoComponentButGrpcHealthStillServes() {
		this.contextRunner.withPropertyValues("management.health.grpc.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(GrpcHealthIndicator.class);
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("grpc")).isNull();
			ready(context);
			assertThat(context.getBean(StatusStore.class).status(StatusStore.OVERALL)).isEqualTo(ServingState.SERVING);
		});
	}

	@Test
	void whenManagementHealthDefaultsAreDisabledThenTheComponentFollowsThem() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GrpcHealthIndicator.class));
		this.contextRunner
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.grpc.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(GrpcHealthIndicator.class));
	}

	@Test
	void theComponentBelongsToTheRootGroupAndToNeitherProbeGroup() {
		this.contextRunner.run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.getPrimary().isMember("grpc")).isTrue();
			assertThat(groups.get("liveness").isMember("grpc")).isFalse();
			assertThat(groups.get("readiness").isMember("grpc")).isFalse();
		});
	}

	@Test
	void duringWarmUpTheComponentAndTheLivenessGroupStayUpWhileGrpcIsNotServing() {
		this.contextRunner.run((context) -> {
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			await().until(() -> context.getBean(StatusStore.class).checkResult("cache") != null);
			assertThat(context.getBean(StatusStore.class).status(StatusStore.OVERALL))
				.isEqualTo(ServingState.NOT_SERVING);
			assertThat(endpoint.healthForPath("grpc").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void duringTheDrainTheComponentAndTheLivenessGroupStayUpWhileGrpcIsNotServing() {
		this.contextRunner.withPropertyValues("grpc.health.shutdown.drain-delay=2s").run((context) -> {
			ready(context);
			StatusStore store = context.getBean(StatusStore.class);
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.SERVING);
			CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
			await().until(store::isDraining);
			assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.NOT_SERVING);
			assertThat(endpoint.healthForPath("grpc").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
			closing.join();
		});
	}

	@Test
	void whileACheckIsDownTheComponentIsDown() {
		this.contextRunner.run((context) -> {
			ready(context);
			context.getBean(ManualHealthCheck.class).down("evicted");
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			await().until(() -> endpoint.healthForPath("grpc").getStatus().equals(Status.DOWN));
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void theComponentJudgesChecksByTheConfiguredStatusMapping() {
		this.contextRunner.withPropertyValues("grpc.health.status.mapping.out-of-service=serving").run((context) -> {
			ready(context);
			context.getBean(ManualHealthCheck.class).setStatus(Status.OUT_OF_SERVICE);
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			await().until(() -> context.getBean(StatusStore.class).checkResult("cache").getStatus(),
					Status.OUT_OF_SERVICE::equals);
			assertThat(context.getBean(StatusStore.class).status(StatusStore.OVERALL)).isEqualTo(ServingState.SERVING);
			assertThat(endpoint.healthForPath("grpc").getStatus()).isEqualTo(Status.UP);
		});
	}

	private static void ready(AssertableApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		await().until(() -> context.getBean(StatusStore.class).status(StatusStore.OVERALL) == ServingState.SERVING);
	}

	@Configuration(proxyBeanMethods = false)
	static class CacheCheckConfiguration {

		@Bean
		ManualHealthCheck cacheCheck() {
			ManualHealthCheck check = new ManualHealthCheck("cache");
			check.up();
			return check;
		}

	}

}
