package io.github.healthgrpc.server.devh;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.server.EndWatchesOnServerShutdown;
import net.devh.boot.grpc.server.event.GrpcServerShutdownEvent;

/**
 * Ends the open Watch calls when devh's server shuts down.
 */
class DevhServerShutdown extends EndWatchesOnServerShutdown<GrpcServerShutdownEvent> {

	DevhServerShutdown(HealthGrpcService healthService) {
		super(healthService);
	}

}
