package io.github.healthgrpc.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServingStatus;
import io.github.healthgrpc.store.StatusStore;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The status store as plain JSON: the overall status and every service, each with its
 * status, why it is not serving when it is not, whether it is under maintenance, and its
 * member checks' statuses; and the services under maintenance.
 */
final class ServicesResponse {

	private final StatusStore store;

	private final NotServingReasons reasons;

	ServicesResponse(StatusStore store, NotServingReasons reasons) {
		this.store = store;
		this.reasons = reasons;
	}

	WebEndpointResponse<Map<String, Object>> response(GrpcHealthFormat format) {
		Map<String, Object> services = new LinkedHashMap<>();
		Map<String, Object> overall = Map.of();
		for (String service : new TreeSet<>(this.store.statuses().keySet())) {
			ServiceHealth health = this.store.health(service);
			if (health != null && service.isEmpty()) {
				overall = describe(service, health);
			}
			else if (health != null) {
				services.put(service, describe(service, health));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("overall", overall);
		body.put("services", services);
		body.put("maintenance", new TreeSet<>(this.store.maintenance()));
		return new WebEndpointResponse<>(body, format);
	}

	private Map<String, Object> describe(String service, ServiceHealth health) {
		Map<String, Object> checks = new LinkedHashMap<>();
		health.checks().forEach((name, status) -> checks.put(name, status.getCode()));
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("status", health.status().name());
		if (health.status() != ServingStatus.SERVING) {
			description.put("reason", this.reasons.reason(service, health));
		}
		description.put("maintenance", this.store.maintenance().contains(service));
		description.put("checks", checks);
		return description;
	}

}
