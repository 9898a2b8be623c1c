package io.github.healthgrpc.autoconfigure.server.devh;

import io.github.healthgrpc.autoconfigure.server.OwnHealthServiceSwitchTests;
import io.github.healthgrpc.server.TestGrpcServer;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * devh's health service ({@code grpc.server.health-service-enabled}) is off while
 * health-grpc's is on.
 */
class DevhHealthServiceEnvironmentPostProcessorTests extends OwnHealthServiceSwitchTests {

	DevhHealthServiceEnvironmentPostProcessorTests() {
		super(new DevhHealthServiceEnvironmentPostProcessor(), "grpc.server.health-service-enabled",
				"devh's health service", "net.devh.", TestGrpcServer.DEVH, DevhHealthServiceOnConfiguration.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@PropertySource("classpath:devh-health-service-on.properties")
	static class DevhHealthServiceOnConfiguration {

	}

}
