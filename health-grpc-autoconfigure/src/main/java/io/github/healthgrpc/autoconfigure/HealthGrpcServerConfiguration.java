package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.WatchLimits;
import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What health-grpc serves on the gRPC server, whichever server it is: the
 * {@code grpc.health.v1.Health} service, and the hook through which a server adapter
 * makes the services its server binds known. Registering the service with the server is
 * the adapter's part.
 */
@Configuration(proxyBeanMethods = false)
class HealthGrpcServerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HealthGrpcService healthGrpcService(StatusStore store, HealthGrpcProperties properties) {
		return new HealthGrpcService(store, properties.getList().getMaxServices(),
				new WatchLimits(properties.getWatch().getMaxWatchers(), properties.getWatch().getMaxUnknownServices()));
	}

	@Bean
	BoundServices healthGrpcBoundServices(StatusStore store, HealthGrpcProperties properties) {
		return new BoundServices(store, properties.getServices().keySet());
	}

}
