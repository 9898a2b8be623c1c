package io.github.healthgrpc.autoconfigure.server.devh;

import io.github.healthgrpc.autoconfigure.server.ClassPresenceRuntimeHints;
import io.github.healthgrpc.server.devh.DevhGrpcServerSupport;

/**
 * The classes this adapter checks for by name: devh's gRPC server and its health service.
 */
class DevhGrpcServerRuntimeHints extends ClassPresenceRuntimeHints {

	DevhGrpcServerRuntimeHints() {
		super(DevhGrpcServerSupport.AUTO_CONFIGURATION,
				DevhHealthServiceEnvironmentPostProcessor.HEALTH_AUTO_CONFIGURATION);
	}

}
