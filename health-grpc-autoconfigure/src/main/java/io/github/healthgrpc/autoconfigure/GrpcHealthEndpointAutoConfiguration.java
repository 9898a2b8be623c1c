package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.actuate.endpoint.GrpcHealthEndpoint;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code grpchealth} Actuator endpoint, where Actuator is
 * present, health-grpc is on, and the endpoint is available (its access is not
 * {@code none} and it is exposed: Spring Boot exposes only {@code health} over HTTP by
 * default).
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(StatusStore.class)
public final class GrpcHealthEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	GrpcHealthEndpoint healthGrpcEndpoint(StatusStore store, ServingStatusMapper mapper,
			ObjectProvider<HealthContributorRegistry> registry) {
		// The same rule as the grpc component of /actuator/health: Spring Boot's
		// readinessState is down in warm-up and the drain on purpose, never a failure.
		return new GrpcHealthEndpoint(store, new NotServingReasons(store, mapper, (check) -> {
			HealthContributorRegistry contributors = registry.getIfAvailable();
			return contributors != null && contributors.getContributor(check) instanceof ReadinessStateHealthIndicator;
		}));
	}

}
