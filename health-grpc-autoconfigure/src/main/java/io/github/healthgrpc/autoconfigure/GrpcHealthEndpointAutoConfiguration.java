package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.actuate.endpoint.GrpcHealthEndpoint;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@code grpchealth} Actuator endpoint, where Actuator is
 * present, health-grpc is on, and the endpoint is available (its access is not
 * {@code none} and it is exposed: Spring Boot exposes only {@code health} over HTTP by
 * default). Its access is {@code read-only} by default: the maintenance switch is there
 * only with {@code management.endpoint.grpchealth.access=unrestricted}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnAvailableEndpoint(GrpcHealthEndpoint.class)
@ConditionalOnBean(StatusStore.class)
public final class GrpcHealthEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GrpcHealthEndpoint healthGrpcEndpoint(StatusStore store, NotServingReasons reasons) {
		return new GrpcHealthEndpoint(store, reasons);
	}

}
