package io.github.healthgrpc.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Switches devh's own health service off by default while health-grpc's is on: a gRPC
 * server can bind only one {@code grpc.health.v1.Health}. The default goes into Spring
 * Boot's {@code defaultProperties}, the source that always comes last (even after
 * {@code @PropertySource} files), and never replaces a value already there: an explicit
 * {@code grpc.server.health-service-enabled=true} anywhere stays, and the
 * auto-configuration then stops startup with a message naming both properties.
 */
class DevhHealthServiceEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DEVH_HEALTH_SERVICE_ENABLED = "grpc.server.health-service-enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("grpc.health.enabled", Boolean.class, true)) {
			MutablePropertySources sources = environment.getPropertySources();
			PropertySource<?> defaults = sources.get(DefaultPropertiesPropertySource.NAME);
			if (defaults == null || !defaults.containsProperty(DEVH_HEALTH_SERVICE_ENABLED)) {
				DefaultPropertiesPropertySource.addOrMerge(Map.of(DEVH_HEALTH_SERVICE_ENABLED, "false"), sources);
			}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
