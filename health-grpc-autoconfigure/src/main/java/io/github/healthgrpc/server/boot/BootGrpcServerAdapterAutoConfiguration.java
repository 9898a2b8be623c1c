package io.github.healthgrpc.server.boot;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.server.BoundServices;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.grpc.server.GrpcServletRegistration;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;
import org.springframework.util.ClassUtils;

/**
 * Serves health-grpc on Spring Boot's own gRPC server. The server binds every
 * {@code BindableService} bean, the Health service among them; this adapter keeps Health
 * out of the server's global interceptors and tells health-grpc which services the
 * server binds. Spring Boot's own gRPC health is switched off by
 * {@link BootHealthServiceEnvironmentPostProcessor}.
 *
 * <p>It comes before Spring Boot's server auto-configuration, whose
 * {@code @ConditionalOnBean(BindableService.class)} must see the Health service of an
 * application that has no other, and matches when that auto-configuration does
 * ({@code spring.grpc.server.enabled}).
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class,
		beforeName = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration")
@ConditionalOnClass(GrpcServerFactoryCustomizer.class)
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
public final class BootGrpcServerAdapterAutoConfiguration {

	private static final String GRPC_SERVLET = "io.grpc.servlet.jakarta.GrpcServlet";

	/**
	 * Fails at once when Spring Boot's own gRPC health is switched on explicitly, or when
	 * gRPC is served by the web server. Every bean below needs this configuration, so the
	 * checks always run, and they run before the server's beans are created.
	 * @param environment the environment
	 * @param beanFactory the bean factory, every bean defined
	 */
	BootGrpcServerAdapterAutoConfiguration(Environment environment, ConfigurableListableBeanFactory beanFactory) {
		new BootHealthServiceEnvironmentPostProcessor().rejectSwitchedOn(environment);
		rejectServletTransport(beanFactory);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "grpc.health.security.allow-unauthenticated", matchIfMissing = true)
	HealthInterceptorExclusion healthGrpcInterceptorExclusion(ListableBeanFactory beanFactory) {
		return new HealthInterceptorExclusion(beanFactory);
	}

	@Bean
	BootGrpcServer healthGrpcBootServer(ObjectProvider<GrpcServiceDiscoverer> discoverer,
			BoundServices boundServices) {
		return new BootGrpcServer(discoverer, boundServices);
	}

	/**
	 * The servlet transport (gRPC on the web server's port, {@code GrpcServletRegistration})
	 * is refused rather than half supported: Spring gRPC configures its services without
	 * a server factory, so no interceptor filter applies and every call passes the web
	 * server's filter chain first ({@code grpc.health.security.allow-unauthenticated}
	 * could not be kept); it has no gRPC server lifecycle to report the bound services;
	 * and {@code grpc-servlet-jakarta} is not published for the grpc-java that Spring Boot
	 * 4.1 manages.
	 */
	private static void rejectServletTransport(ConfigurableListableBeanFactory beanFactory) {
		if (ClassUtils.isPresent(GRPC_SERVLET, beanFactory.getBeanClassLoader())
				&& beanFactory.getBeanNamesForType(GrpcServletRegistration.class, true, false).length > 0) {
			throw new FailureAnalyzedException(
					"health-grpc does not support Spring Boot's servlet gRPC transport (gRPC served by the web "
							+ "server, on its port), which this application uses: grpc-servlet-jakarta is on the "
							+ "class path of a servlet web application.",
					"Set spring.grpc.server.servlet.enabled=false, so that Spring Boot starts its own gRPC server "
							+ "on spring.grpc.server.port (default 9090), or set grpc.health.enabled=false to keep "
							+ "Spring Boot's own gRPC health.");
		}
	}

}
