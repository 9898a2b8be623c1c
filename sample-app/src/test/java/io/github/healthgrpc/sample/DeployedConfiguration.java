package io.github.healthgrpc.sample;

import java.util.Map;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The sample's configuration as a pod runs it: its own files ({@code application.yml} and
 * what it imports, loaded by Spring Boot's config data support exactly as at startup)
 * with the container's environment variables on top, bound by the real properties classes
 * so that their defaults count too.
 */
final class DeployedConfiguration {

	private DeployedConfiguration() {
	}

	/**
	 * Load the configuration.
	 * @param containerEnvironment the container's {@code env}, by name
	 * @return a binder over it
	 */
	static Binder load(Map<String, Object> containerEnvironment) {
		StandardEnvironment environment = new StandardEnvironment();
		// Named "...-systemEnvironment" so that Spring Boot maps
		// GRPC_HEALTH_SHUTDOWN_DRAIN_DELAY to grpc.health.shutdown.drain-delay, as it
		// does for the real environment.
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(
					"container-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, containerEnvironment));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		return Binder.get(environment);
	}

}
