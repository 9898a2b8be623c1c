package io.github.healthgrpc.autoconfigure.server.devh;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.devh.DevhGrpcServer;
import io.github.healthgrpc.server.devh.DevhServerShutdown;
import io.github.healthgrpc.server.devh.UnauthenticatedHealthInterceptor;
import io.grpc.BindableService;
import net.devh.boot.grpc.common.util.InterceptorOrder;
import net.devh.boot.grpc.server.interceptor.GrpcGlobalServerInterceptor;
import net.devh.boot.grpc.server.service.GrpcService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Serves health-grpc on devh's gRPC server, when devh runs one: registers the Health
 * service with it, lets Health calls past its global interceptors, and tells health-grpc
 * which services it binds. devh's own health service is switched off by
 * {@link DevhHealthServiceEnvironmentPostProcessor}. A context that is only stopped ends
 * the open Watch calls when devh announces the server's shutdown. The drain needs nothing
 * here: {@code ShutdownDrain} runs on {@code ContextClosedEvent}, before devh's
 * {@code GrpcServerLifecycle} (phase {@code Integer.MAX_VALUE}) shuts the server down.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class,
		afterName = "net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration")
@ConditionalOnClass(GrpcService.class)
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@ConditionalOnBean(type = "net.devh.boot.grpc.server.serverfactory.GrpcServerFactory")
public final class DevhGrpcServerAdapterAutoConfiguration {

	/**
	 * Fails at once when devh's health service is switched on explicitly. Every bean
	 * below needs this configuration, so the check always runs.
	 * @param environment the environment
	 */
	DevhGrpcServerAdapterAutoConfiguration(Environment environment) {
		new DevhHealthServiceEnvironmentPostProcessor().rejectSwitchedOn(environment);
	}

	/**
	 * devh binds only {@code @GrpcService} beans, and an annotation cannot be added to
	 * the core's bean: this one hands devh the same service.
	 */
	@Bean
	@GrpcService
	BindableService healthGrpcDevhHealthService(HealthGrpcService healthService) {
		return healthService::bindService;
	}

	/**
	 * Probes and load balancers cannot send credentials, so by default Health calls skip
	 * the server's global interceptors, authentication among them. devh applies every
	 * global interceptor to every service, first the one with the highest precedence;
	 * this one comes first and hands Health calls straight to the service's own handlers.
	 *
	 * <p>
	 * Binding Health outside devh's discovery (a {@code GrpcServerConfigurer} calling
	 * {@code addService}) would skip the same interceptors, but Health would then be
	 * registered in two ways depending on the property. The interceptor leaves the
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
	DevhGrpcServer healthGrpcDevhServer(BoundServices boundServices) {
		return new DevhGrpcServer(boundServices);
	}

	@Bean
	DevhServerShutdown healthGrpcDevhServerShutdown(HealthGrpcService healthService) {
		return new DevhServerShutdown(healthService);
	}

}
