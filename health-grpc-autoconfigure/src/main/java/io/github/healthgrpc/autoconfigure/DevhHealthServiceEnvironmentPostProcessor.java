package io.github.healthgrpc.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches devh's own health service off by default while health-grpc's is on: a gRPC
 * server can bind only one {@code grpc.health.v1.Health}. The default has the lowest
 * precedence, so an explicit {@code grpc.server.health-service-enabled} still wins.
 */
class DevhHealthServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "healthGrpcDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("grpc.health.enabled", Boolean.class, true)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("grpc.server.health-service-enabled", "false")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
