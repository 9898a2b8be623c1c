package io.github.healthgrpc.autoconfigure.server.boot;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.grpc.server.GrpcServletRegistration;
import org.springframework.util.ClassUtils;

/**
 * Stops startup when Spring Boot serves gRPC through the web server (the servlet
 * transport, a {@link GrpcServletRegistration}), as soon as every bean is defined and
 * before the web server starts. health-grpc refuses that transport rather than half
 * supporting it: Spring gRPC configures its services without a server factory, so no
 * interceptor filter applies and every call passes the web server's filter chain first
 * ({@code grpc.health.security.allow-unauthenticated} could not be kept); it has no gRPC
 * server lifecycle to report the services it binds; and {@code grpc-servlet-jakarta} is
 * not published for the grpc-java that Spring Boot 4.1 manages.
 */
class ServletTransportRefusal implements BeanFactoryPostProcessor {

	private static final String GRPC_SERVLET = "io.grpc.servlet.jakarta.GrpcServlet";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
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
