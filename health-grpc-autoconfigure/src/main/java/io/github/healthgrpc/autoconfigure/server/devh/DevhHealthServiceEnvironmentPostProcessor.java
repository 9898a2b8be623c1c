package io.github.healthgrpc.autoconfigure.server.devh;

import io.github.healthgrpc.autoconfigure.server.OwnHealthServiceSwitch;

/**
 * Switches devh's own health service ({@code grpc.server.health-service-enabled}) off by
 * default while health-grpc's is on.
 */
class DevhHealthServiceEnvironmentPostProcessor extends OwnHealthServiceSwitch {

	static final String DEVH_HEALTH_SERVICE_ENABLED = "grpc.server.health-service-enabled";

	static final String HEALTH_AUTO_CONFIGURATION = "net.devh.boot.grpc.server.autoconfigure."
			+ "GrpcHealthServiceAutoConfiguration";

	DevhHealthServiceEnvironmentPostProcessor() {
		super(DEVH_HEALTH_SERVICE_ENABLED, "devh's health service", HEALTH_AUTO_CONFIGURATION);
	}

}
