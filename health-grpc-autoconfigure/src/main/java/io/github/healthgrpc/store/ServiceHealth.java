package io.github.healthgrpc.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Status;

/**
 * The health of one gRPC service: its serving status and the status of each member check.
 *
 * @param status the serving status
 * @param checks the status of each member check by name; {@link Status#UNKNOWN} for a
 * check with no result yet
 * @since 0.1.0
 */
public record ServiceHealth(ServingState status, Map<String, Status> checks) {

	/**
	 * Create a service health.
	 * @param status the serving status
	 * @param checks the member checks' statuses
	 */
	public ServiceHealth {
		checks = Collections.unmodifiableMap(new TreeMap<>(checks));
	}

}
