package io.github.healthgrpc.autoconfigure;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.UnauthenticatedHealthInterceptor;
import io.github.healthgrpc.grpc.WatchLimits;
import io.github.healthgrpc.lifecycle.BoundServicesListener;
import io.github.healthgrpc.lifecycle.ServerShutdownListener;
import io.github.healthgrpc.store.StatusStore;
import net.devh.boot.grpc.common.util.InterceptorOrder;
import net.devh.boot.grpc.server.interceptor.GrpcGlobalServerInterceptor;
import net.devh.boot.grpc.server.service.GrpcService;
import net.devh.boot.grpc.server.service.GrpcServiceDiscoverer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The gRPC side, on the devh server: health-grpc's {@code grpc.health.v1.Health} service
 * (devh's own is switched off by {@link DevhHealthServiceEnvironmentPostProcessor}), its
 * access without credentials, the hook that makes every bound service known, and the one
 * that ends Watch calls when the server stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "net.devh.boot.grpc.server.service.GrpcService")
class HealthGrpcServerConfiguration {

	/**
	 * Fails at once when devh's health service is switched on explicitly: devh would bind a
	 * second {@code grpc.health.v1.Health} and fail later with a bare stack trace. Every
	 * bean below needs this configuration, so the check always runs. Without an explicit
	 * value the post-processor's default (false) applies.
	 * @param environment the environment
	 */
	HealthGrpcServerConfiguration(Environment environment) {
		String devh = DevhHealthServiceEnvironmentPostProcessor.DEVH_HEALTH_SERVICE_ENABLED;
		if (environment.getProperty(devh, Boolean.class, false)) {
			throw new InvalidHealthConfigurationException(devh,
					"is true while grpc.health.enabled is true, but a gRPC server can bind only one "
							+ "grpc.health.v1.Health",
					"Set " + devh + "=false (or remove it) to serve health-grpc's checks, or "
							+ "grpc.health.enabled=false to keep devh's health service");
		}
	}

	@Bean
	@GrpcService
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
		int maxPerConnection = PropertyValidation.positive("grpc.health.watch.max-per-connection",
				properties.getWatch().getMaxPerConnection(),
				"Set it to the most Watch calls one client connection may hold open, such as 100");
		return new HealthGrpcService(store, maxServices, new WatchLimits(maxWatchers, maxUnknown, maxPerConnection));
	}

	/**
	 * Probes and load balancers cannot send credentials, so by default Health calls skip
	 * the server's global interceptors, authentication among them. devh applies every
	 * global interceptor to every service, first the one with the highest precedence; this
	 * one comes first and hands Health calls straight to the service's own handlers.
	 *
	 * <p>Binding Health outside devh's discovery (a {@code GrpcServerConfigurer} calling
	 * {@code addService}) would skip the same interceptors, but Health would then be
	 * registered in two ways depending on the property: a bean devh must not discover plus
	 * the configurer, or a discovered {@code @GrpcService}. The interceptor leaves the
	 * registration alone, serves whichever HealthGrpcService bean there is, and with the
	 * property false does not exist.
	 */
	@Bean
	@GrpcGlobalServerInterceptor
	@Order(InterceptorOrder.ORDER_FIRST)
	@ConditionalOnBooleanProperty(name = "grpc.health.security.allow-unauthenticated", matchIfMissing = true)
	UnauthenticatedHealthInterceptor healthGrpcUnauthenticatedInterceptor(HealthGrpcService healthService) {
		return new UnauthenticatedHealthInterceptor(healthService.bindService());
	}

	@Bean
	BoundServicesListener healthGrpcBoundServicesListener(StatusStore store) {
		return new BoundServicesListener(store);
	}

	@Bean
	ServerShutdownListener healthGrpcServerShutdownListener(HealthGrpcService healthService) {
		return new ServerShutdownListener(healthService);
	}

	@Bean
	BoundServiceNames healthGrpcBoundServiceNames(ObjectProvider<GrpcServiceDiscoverer> discoverer) {
		return () -> discoverer.stream()
			.flatMap((found) -> found.findGrpcServices().stream())
			.map((service) -> service.getDefinition().getServiceDescriptor().getName())
			.collect(Collectors.toUnmodifiableSet());
	}

}
