package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.actuate.endpoint.GrpcHealthEndpoint;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code grpchealth} endpoint exists: with Actuator and health-grpc, once it is
 * exposed and its access is not {@code none}; and that an application's own bean replaces
 * it.
 */
class GrpcHealthEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HealthGrpcAutoConfiguration.class, GrpcHealthEndpointAutoConfiguration.class,
						EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void theEndpointIsAbsentUntilItIsExposedAsSpringBootExposesOnlyHealthOverHttpByDefault() {
		this.contextRunner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GrpcHealthEndpoint.class));
	}

	@Test
	void theEndpointExistsOnceItIsExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=grpchealth")
			.run((context) -> assertThat(context).hasSingleBean(GrpcHealthEndpoint.class)
				.hasBean("healthGrpcEndpoint"));
	}

	@Test
	void theEndpointIsAbsentWhenItsAccessIsNone() {
		// In capitals: the runner's environment lacks SpringApplication's conversion
		// service, which also reads "none".
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=grpchealth",
					"management.endpoint.grpchealth.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(GrpcHealthEndpoint.class));
	}

	@Test
	void theEndpointIsAbsentWithoutActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=grpchealth")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GrpcHealthEndpoint.class));
	}

	@Test
	void theEndpointIsAbsentWhenHealthGrpcIsOff() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=grpchealth", "grpc.health.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GrpcHealthEndpoint.class));
	}

	@Test
	void theEndpointBacksOffWhenTheApplicationDefinesOne() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=grpchealth")
			.withUserConfiguration(OwnEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(GrpcHealthEndpoint.class)
				.hasBean("ownEndpoint")
				.doesNotHaveBean("healthGrpcEndpoint"));
	}

	@Test
	void theEndpointTakesTheNotServingReasonsThatTheGrpcComponentTakes() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=grpchealth")
			.run((context) -> assertThat(context).hasSingleBean(GrpcHealthEndpoint.class)
				.hasSingleBean(NotServingReasons.class)
				.hasBean("healthGrpcNotServingReasons"));
	}

	@Test
	void theNotServingReasonsBackOffWhenTheApplicationDefinesThem() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=grpchealth")
			.withUserConfiguration(OwnReasonsConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(GrpcHealthEndpoint.class)
				.hasSingleBean(NotServingReasons.class)
				.hasBean("ownReasons")
				.doesNotHaveBean("healthGrpcNotServingReasons"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnReasonsConfiguration {

		@Bean
		NotServingReasons ownReasons(StatusStore store) {
			return new NotServingReasons(store, ServingStatusMapper.getDefault(), (check) -> false);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpointConfiguration {

		@Bean
		GrpcHealthEndpoint ownEndpoint(StatusStore store) {
			return new GrpcHealthEndpoint(store,
					new NotServingReasons(store, ServingStatusMapper.getDefault(), (check) -> false));
		}

	}

}
