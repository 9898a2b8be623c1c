package io.github.healthgrpc.autoconfigure.server.boot;

import java.util.Map;

import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.grpc.server.DefaultGrpcServerFactory;
import org.springframework.grpc.server.GrpcServerFactory;

/**
 * Keeps {@code grpc.health.v1.Health} out of every global server interceptor
 * ({@code @GlobalServerInterceptor} beans: authentication, observation, exception
 * handling), so that probes and load balancers, which cannot send credentials, can call
 * it; every other service keeps them all.
 *
 * <p>
 * Spring gRPC asks the server factory whether a global interceptor applies to a service,
 * and a {@link DefaultGrpcServerFactory} asks its {@code ServerInterceptorFilter}. Spring
 * Boot 4.1 applies no {@code ServerInterceptorFilter} bean by itself, so this customizer
 * sets the filter. A factory holds only one: this customizer runs first, so that an
 * application's customizer setting a filter of its own replaces this one rather than
 * being silently replaced; once every bean exists each factory is asked whether it would
 * apply a global interceptor to Health, and if one would, startup stops saying so.
 *
 * <p>
 * The in-process server factory of {@code spring-boot-grpc-test}
 * ({@code @AutoConfigureTestGrpcTransport}) is the exception: Spring Boot builds it, and
 * applies the global interceptors to its services, without any customizer, so nothing can
 * keep them off Health there. That factory exists only under test, so startup goes on and
 * a line says that Health calls pass the global interceptors in that test.
 */
class HealthInterceptorExclusion implements GrpcServerFactoryCustomizer, Ordered, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(HealthInterceptorExclusion.class);

	/**
	 * The in-process factory of {@code @AutoConfigureTestGrpcTransport}, which no
	 * customizer reaches.
	 */
	static final String TEST_TRANSPORT_FACTORY = "org.springframework.boot.grpc.test.autoconfigure."
			+ "TestGrpcServerFactory";

	private static final ServerServiceDefinition HEALTH = ServerServiceDefinition.builder(HealthGrpc.SERVICE_NAME)
		.build();

	private static final ServerInterceptor ANY_GLOBAL_INTERCEPTOR = new ServerInterceptor() {

		@Override
		public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
				ServerCallHandler<ReqT, RespT> next) {
			return next.startCall(call, headers);
		}

	};

	private final ListableBeanFactory beanFactory;

	HealthInterceptorExclusion(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void customize(GrpcServerFactory factory) {
		if (factory instanceof DefaultGrpcServerFactory<?> defaultFactory) {
			defaultFactory.setInterceptorFilter((interceptor, service) -> !isHealth(service));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, GrpcServerFactory> factories = this.beanFactory.getBeansOfType(GrpcServerFactory.class);
		factories.forEach((name, factory) -> {
			if (factory.getClass().getName().equals(TEST_TRANSPORT_FACTORY)) {
				logger.info("Under spring-boot-grpc-test's in-process transport, grpc.health.v1.Health calls pass "
						+ "the global server interceptors: Spring Boot applies no customizer to the test's server, "
						+ "so grpc.health.security.allow-unauthenticated cannot apply there.");
				return;
			}
			if (factory.supports(ANY_GLOBAL_INTERCEPTOR, HEALTH)) {
				throw new FailureAnalyzedException("grpc.health.security.allow-unauthenticated is true, but the gRPC "
						+ "server factory '" + name + "' (" + factory.getClass().getName() + ") would apply global "
						+ "server interceptors to grpc.health.v1.Health: a GrpcServerFactoryCustomizer replaced "
						+ "health-grpc's ServerInterceptorFilter, or the factory has no interceptor filter.",
						"Leave grpc.health.v1.Health out in your own ServerInterceptorFilter too (return false "
								+ "when service.getServiceDescriptor().getName() is \"grpc.health.v1.Health\"), "
								+ "or set grpc.health.security.allow-unauthenticated=false so that Health calls "
								+ "go through every global interceptor.");
			}
		});
	}

	static boolean isHealth(ServerServiceDefinition service) {
		return HealthGrpc.SERVICE_NAME.equals(service.getServiceDescriptor().getName());
	}

}
