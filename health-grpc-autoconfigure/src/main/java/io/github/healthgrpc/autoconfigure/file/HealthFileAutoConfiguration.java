package io.github.healthgrpc.autoconfigure.file;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.file.HealthFile;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The health file ({@code grpc.health.file.path}): the serving status of every service in
 * a JSON file, for Kubernetes exec probes. Off unless the path is set; it works with or
 * without a gRPC server.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@ConditionalOnProperty("grpc.health.file.path")
@ConditionalOnBean(StatusStore.class)
public final class HealthFileAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HealthFile healthGrpcHealthFile(StatusStore store, HealthGrpcProperties properties) {
		HealthGrpcProperties.File file = properties.getFile();
		return new HealthFile(store, HealthFilePath.writable(file.getPath()), file.getHeartbeatInterval());
	}

}
