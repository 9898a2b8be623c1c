package io.github.healthgrpc.store;

/**
 * Whether a gRPC service can take traffic, as the Health protocol reports it. Named apart
 * from the protocol's own {@code HealthCheckResponse.ServingStatus}, which the views map
 * it to, so that code using both reads without qualified names.
 *
 * @since 0.1.0
 */
public enum ServingState {

	/**
	 * The service can take traffic (or, for the liveness service, the process is alive):
	 * see {@link StatusStore} for when.
	 */
	SERVING,

	/**
	 * A member check's status does not map to SERVING, or has no result yet, or the
	 * application is warming up or shutting down.
	 */
	NOT_SERVING

}
