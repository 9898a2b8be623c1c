package io.github.healthgrpc.autoconfigure.server;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.server.GrpcServerAdapter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that stops startup unless exactly one gRPC server adapter is active.
 * It stands apart from {@link HealthGrpcAutoConfiguration} so that the core can run
 * without any server, as in its own tests.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
public final class GrpcServerAdapterAutoConfiguration {

	@Bean
	SingleGrpcServerCheck healthGrpcSingleServerCheck(ObjectProvider<GrpcServerAdapter> adapters) {
		return new SingleGrpcServerCheck(adapters);
	}

}
