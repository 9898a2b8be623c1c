package io.github.healthgrpc.autoconfigure;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.lifecycle.BoundServicesListener;
import io.github.healthgrpc.store.StatusStore;
import net.devh.boot.grpc.server.service.GrpcService;
import net.devh.boot.grpc.server.service.GrpcServiceDiscoverer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gRPC side, on the devh server: health-grpc's {@code grpc.health.v1.Health} service
 * (devh's own is switched off by {@link DevhHealthServiceEnvironmentPostProcessor}) and
 * the hook that makes every bound service known.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "net.devh.boot.grpc.server.service.GrpcService")
class HealthGrpcServerConfiguration {

	@Bean
	@GrpcService
	@ConditionalOnMissingBean
	HealthGrpcService healthGrpcService(StatusStore store, HealthGrpcProperties properties) {
		int maxServices = properties.getList().getMaxServices();
		if (maxServices <= 0) {
			throw new InvalidHealthConfigurationException("grpc.health.list.max-services",
					"must be positive but is " + maxServices, "Set it to at least 1; the protocol suggests 100");
		}
		return new HealthGrpcService(store, maxServices);
	}

	@Bean
	BoundServicesListener healthGrpcBoundServicesListener(StatusStore store) {
		return new BoundServicesListener(store);
	}

	@Bean
	BoundServiceNames healthGrpcBoundServiceNames(ObjectProvider<GrpcServiceDiscoverer> discoverer) {
		return () -> discoverer.stream()
			.flatMap((found) -> found.findGrpcServices().stream())
			.map((service) -> service.getDefinition().getServiceDescriptor().getName())
			.collect(Collectors.toUnmodifiableSet());
	}

}
