package io.github.healthgrpc.autoconfigure.server.boot;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.boot.BootGrpcServer;
import io.github.healthgrpc.server.boot.BootServerShutdown;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Serves health-grpc on Spring Boot's own gRPC server. The server binds every
 * {@code BindableService} bean, the Health service among them; this adapter keeps Health
 * out of the server's global interceptors and tells health-grpc which services the server
 * binds. Spring Boot's own gRPC health is switched off by
 * {@link BootHealthServiceEnvironmentPostProcessor}. A context that is only stopped ends
 * the open Watch calls when Spring gRPC announces the server's shutdown.
 *
 * <p>
 * The drain needs nothing here: {@code ShutdownDrain} runs on {@code ContextClosedEvent},
 * before Spring gRPC's {@code GrpcServerLifecycle} (phase {@code Integer.MAX_VALUE}, the
 * first to stop) shuts the server down, so the server's
 * {@code spring.grpc.server.shutdown.grace-period} starts after the drain and bounds only
 * calls other than Watch, which the drain has completed.
 *
 * <p>
 * It comes before Spring Boot's server auto-configuration, whose
 * {@code @ConditionalOnBean(BindableService.class)} must see the Health service of an
 * application that has no other, and matches when that auto-configuration does
 * ({@code spring.grpc.server.enabled}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class,
		beforeName = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration")
@ConditionalOnClass(GrpcServerFactoryCustomizer.class)
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public final class BootGrpcServerAdapterAutoConfiguration {

	/**
	 * Fails at once when Spring Boot's own gRPC health is switched on explicitly. Every
	 * bean below needs this configuration, so the check always runs.
	 * @param environment the environment
	 */
	BootGrpcServerAdapterAutoConfiguration(Environment environment) {
		new BootHealthServiceEnvironmentPostProcessor().rejectSwitchedOn(environment);
	}

	@Bean
	static ServletTransportRefusal healthGrpcServletTransportRefusal() {
		return new ServletTransportRefusal();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "grpc.health.security.allow-unauthenticated", matchIfMissing = true)
	HealthInterceptorExclusion healthGrpcInterceptorExclusion(ListableBeanFactory beanFactory) {
		return new HealthInterceptorExclusion(beanFactory);
	}

	@Bean
	BootGrpcServer healthGrpcBootServer(BoundServices boundServices) {
		return new BootGrpcServer(boundServices);
	}

	@Bean
	BootServerShutdown healthGrpcBootServerShutdown(HealthGrpcService healthService) {
		return new BootServerShutdown(healthService);
	}

}
