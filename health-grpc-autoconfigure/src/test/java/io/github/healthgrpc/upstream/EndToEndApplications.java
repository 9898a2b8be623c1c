package io.github.healthgrpc.upstream;

import io.github.healthgrpc.check.ManualHealthCheck;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The applications of the end-to-end tests of upstream checks: their upstream checks come
 * from properties.
 */
final class EndToEndApplications {

	private EndToEndApplications() {
	}

	/**
	 * An application with nothing but auto-configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Plain {

	}

	/**
	 * An application with a {@link ManualHealthCheck} named {@code stock} that the test
	 * flips.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WithStock {

		@Bean
		ManualHealthCheck stock() {
			return new ManualHealthCheck("stock");
		}

	}

}
