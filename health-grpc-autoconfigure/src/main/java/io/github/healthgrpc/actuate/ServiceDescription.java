package io.github.healthgrpc.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;

/**
 * One service as the JSON views describe it: its status, why it is not serving when it is
 * not, whether it is under maintenance, and its member checks' statuses. The {@code grpc}
 * component of {@code /actuator/health} and the plain JSON of
 * {@code /actuator/grpchealth} share it, so the two never tell a service differently.
 *
 * @since 0.1.0
 */
public final class ServiceDescription {

	private final ServiceStatuses store;

	private final NotServingReasons reasons;

	/**
	 * Create the description of the given store's services.
	 * @param store the status store
	 * @param reasons why services are not serving
	 */
	public ServiceDescription(ServiceStatuses store, NotServingReasons reasons) {
		this.store = store;
		this.reasons = reasons;
	}

	/**
	 * Describe a service.
	 * @param service the service name, {@code ""} for the overall
	 * @param health its health
	 * @return a new mutable map: {@code status}, {@code reason} (only when it is not
	 * SERVING), {@code maintenance} and {@code checks}
	 */
	public Map<String, Object> describe(String service, ServiceHealth health) {
		Map<String, Object> checks = new LinkedHashMap<>();
		health.checks().forEach((name, status) -> checks.put(name, status.getCode()));
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("status", health.status().name());
		if (health.status() != ServingState.SERVING) {
			description.put("reason", this.reasons.reason(service, health));
		}
		description.put("maintenance", this.store.maintenance().contains(service));
		description.put("checks", checks);
		return description;
	}

}
