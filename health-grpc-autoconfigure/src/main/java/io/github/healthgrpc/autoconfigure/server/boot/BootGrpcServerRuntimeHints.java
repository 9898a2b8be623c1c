package io.github.healthgrpc.autoconfigure.server.boot;

import io.github.healthgrpc.autoconfigure.server.ClassPresenceRuntimeHints;
import io.github.healthgrpc.server.boot.BootGrpcServerSupport;

/**
 * The classes this adapter checks for by name: Spring Boot's gRPC server and its health
 * service.
 */
class BootGrpcServerRuntimeHints extends ClassPresenceRuntimeHints {

	BootGrpcServerRuntimeHints() {
		super(BootGrpcServerSupport.AUTO_CONFIGURATION,
				BootHealthServiceEnvironmentPostProcessor.HEALTH_AUTO_CONFIGURATION);
	}

}
