package io.github.healthgrpc.store;

/**
 * Whether a gRPC service can take traffic, as the Health protocol reports it.
 *
 * @since 0.1.0
 */
public enum ServingStatus {

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
