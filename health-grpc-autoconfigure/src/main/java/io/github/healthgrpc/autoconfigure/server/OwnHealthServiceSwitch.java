package io.github.healthgrpc.autoconfigure.server;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Switches a gRPC server's own health service off by default while health-grpc's is on: a
 * server can bind only one {@code grpc.health.v1.Health}. The default goes into Spring
 * Boot's {@code defaultProperties}, the source that always comes last (even after
 * {@code @PropertySource} files), and never replaces a value already there: an explicit
 * {@code true} anywhere stays, and the server's adapter then stops startup with
 * {@link #rejectSwitchedOn(Environment)}, naming both properties.
 *
 * @since 0.1.0
 */
public abstract class OwnHealthServiceSwitch implements EnvironmentPostProcessor, Ordered {

	private static final String HEALTH_GRPC_ENABLED = "grpc.health.enabled";

	private final String property;

	private final String healthService;

	private final String healthServiceClass;

	/**
	 * Create a switch for one server's health service.
	 * @param property the boolean property that switches the server's health service on
	 * @param healthService what the user knows it as, such as
	 * {@code devh's health service}
	 * @param healthServiceClass a class that exists only where that health service does
	 */
	protected OwnHealthServiceSwitch(String property, String healthService, String healthServiceClass) {
		this.property = property;
		this.healthService = healthService;
		this.healthServiceClass = healthServiceClass;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(HEALTH_GRPC_ENABLED, Boolean.class, true)
				|| !ClassUtils.isPresent(this.healthServiceClass, application.getClassLoader())) {
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		PropertySource<?> defaults = sources.get(DefaultPropertiesPropertySource.NAME);
		if (defaults == null || !defaults.containsProperty(this.property)) {
			DefaultPropertiesPropertySource.addOrMerge(Map.of(this.property, "false"), sources);
		}
	}

	/**
	 * Stop startup if the server's health service is switched on: the server would bind a
	 * second {@code grpc.health.v1.Health} and fail later with a bare stack trace.
	 * @param environment the application's environment
	 */
	public void rejectSwitchedOn(Environment environment) {
		if (environment.getProperty(this.property, Boolean.class, false)) {
			throw new InvalidConfigurationPropertyValueException(this.property, environment.getProperty(this.property),
					"A gRPC server can bind only one grpc.health.v1.Health, and health-grpc serves it while "
							+ HEALTH_GRPC_ENABLED + " is true. Set " + this.property + "=false (or remove it) to "
							+ "serve health-grpc's checks, or " + HEALTH_GRPC_ENABLED + "=false to keep "
							+ this.healthService + ".");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
