package io.github.healthgrpc.autoconfigure.server.port;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.server.port.HealthPortRuntimeHints;
import io.github.healthgrpc.server.port.HealthPortServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Health on its own port ({@code grpc.health.port}): a plaintext gRPC server that serves
 * only {@code grpc.health.v1.Health}, for probes that cannot speak the main server's TLS.
 * It works beside either supported gRPC server and knows neither.
 *
 * <p>
 * It comes after both servers' auto-configurations (named, never imported), so that its
 * lifecycle starts after the main server's in their common phase.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class,
		afterName = { "net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration",
				"org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@ConditionalOnProperty("grpc.health.port")
@ConditionalOnBean(HealthGrpcService.class)
@ImportRuntimeHints(HealthPortRuntimeHints.class)
public final class HealthPortAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HealthPortServer healthGrpcPortServer(HealthGrpcService healthService, HealthGrpcProperties properties) {
		Integer port = properties.getPort();
		if (port == null) {
			// The condition matched a property that is there but empty.
			throw new InvalidConfigurationPropertyValueException("grpc.health.port", "",
					"It is empty. Set it to a free port, such as 8081, or remove it to serve health on the main "
							+ "gRPC server's port only.");
		}
		return new HealthPortServer(healthService, properties.getAddress(), port);
	}

}
