package io.github.healthgrpc.store;

/**
 * Whether a gRPC service can take traffic, as the Health protocol reports it.
 */
public enum ServingStatus {

	/**
	 * Every member check is UP and the application accepts traffic.
	 */
	SERVING,

	/**
	 * A member check is not UP, has no result yet, or the application is warming up or
	 * shutting down.
	 */
	NOT_SERVING

}
