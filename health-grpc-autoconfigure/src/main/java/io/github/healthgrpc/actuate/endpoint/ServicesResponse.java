package io.github.healthgrpc.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.actuate.ServiceDescription;
import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServiceStatuses;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The status store as plain JSON: the overall status and every service, each with its
 * status, why it is not serving when it is not, whether it is under maintenance, and its
 * member checks' statuses; and the services under maintenance.
 */
final class ServicesResponse {

	private final ServiceStatuses store;

	private final ServiceDescription description;

	ServicesResponse(ServiceStatuses store, NotServingReasons reasons) {
		this.store = store;
		this.description = new ServiceDescription(store, reasons);
	}

	WebEndpointResponse<Map<String, Object>> response(GrpcHealthFormat format) {
		Map<String, Object> services = new LinkedHashMap<>();
		Map<String, Object> overall = Map.of();
		for (String service : new TreeSet<>(this.store.statuses().keySet())) {
			ServiceHealth health = this.store.health(service);
			if (health != null && service.isEmpty()) {
				overall = this.description.describe(service, health);
			}
			else if (health != null) {
				services.put(service, this.description.describe(service, health));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("overall", overall);
		body.put("services", services);
		body.put("maintenance", new TreeSet<>(this.store.maintenance()));
		return new WebEndpointResponse<>(body, format);
	}

}
