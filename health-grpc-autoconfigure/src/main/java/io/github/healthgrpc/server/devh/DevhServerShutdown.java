package io.github.healthgrpc.server.devh;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.server.EndWatchesOnServerShutdown;
import net.devh.boot.grpc.server.event.GrpcServerShutdownEvent;

/**
 * Ends the open Watch calls when devh's server shuts down.
 *
 * @since 0.1.0
 */
public class DevhServerShutdown extends EndWatchesOnServerShutdown<GrpcServerShutdownEvent> {

	/**
	 * Create the listener.
	 * @param healthService the Health service whose Watch calls it ends
	 */
	public DevhServerShutdown(HealthGrpcService healthService) {
		super(healthService);
	}

}
