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
		int maxServices = PropertyValidation.positive("grpc.health.list.max-services",
				properties.getList().getMaxServices(), "Set it to at least 1; the protocol suggests 100");
		int maxWatchers = PropertyValidation.positive("grpc.health.watch.max-watchers",
				properties.getWatch().getMaxWatchers(),
				"Set it to the most Watch calls the server may hold open, such as 10000");
		int maxUnknown = PropertyValidation.positive("grpc.health.watch.max-unknown-services",
				properties.getWatch().getMaxUnknownServices(),
				"Set it to the most distinct unknown service names that may be watched at once, such as 100");
		return new HealthGrpcService(store, maxServices, new WatchLimits(maxWatchers, maxUnknown));
	}

	@Bean
	BoundServices healthGrpcBoundServices(StatusStore store) {
		return new BoundServices(store);
	}

}
