package io.github.healthgrpc.autoconfigure.server.boot;

import io.github.healthgrpc.autoconfigure.server.OwnHealthServiceSwitchTests;
import io.github.healthgrpc.server.TestGrpcServer;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Spring Boot's own gRPC health ({@code spring.grpc.server.health.enabled}) is off while
 * health-grpc's is on.
 */
class BootHealthServiceEnvironmentPostProcessorTests extends OwnHealthServiceSwitchTests {

	BootHealthServiceEnvironmentPostProcessorTests() {
		super(new BootHealthServiceEnvironmentPostProcessor(), "spring.grpc.server.health.enabled",
				"Spring Boot's gRPC health service", "org.springframework.boot.grpc.", TestGrpcServer.BOOT,
				BootHealthServiceOnConfiguration.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@PropertySource("classpath:boot-health-service-on.properties")
	static class BootHealthServiceOnConfiguration {

	}

}
