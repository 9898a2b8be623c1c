package io.github.healthgrpc.autoconfigure;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Environment variables for a test context, seen the way Spring Boot sees real ones.
 */
final class SystemEnvironment {

	private SystemEnvironment() {
	}

	// Replaces the real environment variables with the given ones.
	static ApplicationContextInitializer<ConfigurableApplicationContext> of(Map<String, Object> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
	}

}
