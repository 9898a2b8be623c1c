package io.github.healthgrpc.autoconfigure.server.boot;

import io.github.healthgrpc.autoconfigure.server.OwnHealthServiceSwitch;

/**
 * Switches Spring Boot's own gRPC health service
 * ({@code spring.grpc.server.health.enabled}) off by default while health-grpc's is on.
 */
class BootHealthServiceEnvironmentPostProcessor extends OwnHealthServiceSwitch {

	static final String BOOT_HEALTH_ENABLED = "spring.grpc.server.health.enabled";

	static final String HEALTH_AUTO_CONFIGURATION = "org.springframework.boot.grpc.server.autoconfigure.health."
			+ "GrpcServerHealthAutoConfiguration";

	BootHealthServiceEnvironmentPostProcessor() {
		super(BOOT_HEALTH_ENABLED, "Spring Boot's gRPC health service", HEALTH_AUTO_CONFIGURATION);
	}

}
