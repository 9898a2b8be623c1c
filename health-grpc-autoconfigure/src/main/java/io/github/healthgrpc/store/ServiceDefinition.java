package io.github.healthgrpc.store;

import java.util.Set;

/**
 * What one gRPC service's status is derived from: its member checks, and the gate that
 * decides when those checks count at all.
 *
 * @param members the names of the member checks
 * @param gate when the service may be SERVING
 * @since 0.1.0
 */
public record ServiceDefinition(Set<String> members, Gate gate) {

	/**
	 * Create a definition.
	 * @param members the names of the member checks
	 * @param gate when the service may be SERVING
	 */
	public ServiceDefinition {
		members = Set.copyOf(members);
	}

	/**
	 * A service that serves traffic, like every mapped or bound service.
	 * @param members the names of the member checks
	 * @return the definition
	 */
	public static ServiceDefinition followingTraffic(Set<String> members) {
		return new ServiceDefinition(members, Gate.TRAFFIC);
	}

	/**
	 * A service that says whether the process is alive, like the built-in liveness
	 * service.
	 * @param members the names of the member checks
	 * @return the definition
	 */
	public static ServiceDefinition followingLiveness(Set<String> members) {
		return new ServiceDefinition(members, Gate.LIVENESS);
	}

	/**
	 * When a service may be SERVING.
	 */
	public enum Gate {

		/**
		 * Only while the application accepts traffic and is not draining, once every
		 * member check has a first result and while each one's status maps to SERVING.
		 */
		TRAFFIC,

		/**
		 * While the application is live and every member check that has a result maps to
		 * SERVING: never held back by readiness, first results or the drain.
		 */
		LIVENESS

	}

}
