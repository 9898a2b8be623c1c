package io.github.healthgrpc.server.boot;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.server.EndWatchesOnServerShutdown;

import org.springframework.grpc.server.lifecycle.GrpcServerShutdownEvent;

/**
 * Ends the open Watch calls when Spring Boot's gRPC server shuts down.
 *
 * @since 0.1.0
 */
public class BootServerShutdown extends EndWatchesOnServerShutdown<GrpcServerShutdownEvent> {

	/**
	 * Create the listener.
	 * @param healthService the Health service whose Watch calls it ends
	 */
	public BootServerShutdown(HealthGrpcService healthService) {
		super(healthService);
	}

}
