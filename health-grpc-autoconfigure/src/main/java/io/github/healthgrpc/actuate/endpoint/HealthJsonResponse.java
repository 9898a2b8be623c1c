package io.github.healthgrpc.actuate.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The status store in the IETF "Health Check Response Format for HTTP APIs": the
 * top-level {@code status} is the overall service's ({@code pass}, or {@code fail} while
 * one of its checks fails), lowered to {@code warn} while it is NOT_SERVING for warm-up,
 * the drain, maintenance or refusing traffic, while another service is not SERVING, or
 * while a check serves with a {@code warning} detail. {@code checks} holds one entry per
 * gRPC service, {@code "<service>:serving"}, and one per check, {@code "<check>:status"}.
 * HTTP 503 for {@code fail}, 200 otherwise.
 */
final class HealthJsonResponse {

	private static final String PASS = "pass";

	private static final String WARN = "warn";

	private static final String FAIL = "fail";

	private final ServiceStatuses store;

	private final NotServingReasons reasons;

	HealthJsonResponse(ServiceStatuses store, NotServingReasons reasons) {
		this.store = store;
		this.reasons = reasons;
	}

	WebEndpointResponse<Map<String, Object>> response() {
		Map<String, Object> body = new LinkedHashMap<>();
		Map<String, Object> checks = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		ServiceHealth overall = Objects.requireNonNull(this.store.health(ServiceStatuses.OVERALL));
		Entry top = serviceEntry(ServiceStatuses.OVERALL, overall);
		String status = top.status();
		if (top.output() != null) {
			notes.add(top.output());
		}
		TreeSet<String> checkNames = new TreeSet<>(overall.checks().keySet());
		for (String service : new TreeSet<>(this.store.statuses().keySet())) {
			ServiceHealth health = this.store.health(service);
			if (service.isEmpty() || health == null) {
				continue;
			}
			checkNames.addAll(health.checks().keySet());
			Entry entry = serviceEntry(service, health);
			checks.put(service + ":serving", List.of(entry.toMap("grpc-service")));
			if (!entry.status().equals(PASS) && status.equals(PASS)) {
				status = WARN;
				notes.add(service + " is NOT_SERVING: " + entry.output());
			}
		}
		for (String check : checkNames) {
			Entry entry = checkEntry(check);
			checks.put(check + ":status", List.of(entry.toMap("check")));
			if (entry.status().equals(WARN) && status.equals(PASS)) {
				status = WARN;
				notes.add(entry.output());
			}
		}
		body.put("status", status);
		if (status.equals(FAIL)) {
			body.put("output", top.output());
		}
		if (!notes.isEmpty()) {
			body.put("notes", notes);
		}
		body.put("checks", checks);
		int httpStatus = status.equals(FAIL) ? WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE
				: WebEndpointResponse.STATUS_OK;
		return new WebEndpointResponse<>(body, httpStatus, GrpcHealthFormat.HEALTH_JSON.getProducedMimeType());
	}

	private Entry serviceEntry(String service, ServiceHealth health) {
		Instant time = health.checks()
			.keySet()
			.stream()
			.map(this.store::checkResultTime)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		if (health.status() == ServingState.SERVING) {
			return new Entry(PASS, time, null, null);
		}
		String status = this.reasons.failingChecks(health).isEmpty() ? WARN : FAIL;
		return new Entry(status, time, this.reasons.reason(service, health), null);
	}

	private Entry checkEntry(String check) {
		Health result = this.store.checkResult(check);
		Instant time = this.store.checkResultTime(check);
		if (result == null) {
			return new Entry(WARN, time, "no result yet", null);
		}
		Status status = result.getStatus();
		String output = check + " is " + status.getCode();
		if (this.reasons.fails(check, status)) {
			return new Entry(FAIL, time, output, result);
		}
		if (!this.reasons.serves(status)) {
			return new Entry(WARN, time, output, result);
		}
		// A check that serves with a warning detail (the resource checks between their
		// thresholds) is healthy with a concern: what the format calls warn.
		Object warning = result.getDetails().get("warning");
		return (warning != null) ? new Entry(WARN, time, check + ": " + warning, result)
				: new Entry(PASS, time, null, result);
	}

	/**
	 * One entry of {@code checks}.
	 */
	private record Entry(String status, @Nullable Instant time, @Nullable String output, @Nullable Health result) {

		Map<String, Object> toMap(String componentType) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("componentType", componentType);
			entry.put("status", this.status);
			if (this.time != null) {
				entry.put("time", this.time.toString());
			}
			if (this.result != null) {
				// Only the details a check names for this format: the others may hold
				// hosts or exception messages that Spring Boot's show-details policy
				// guards.
				copy(this.result.getDetails(), "observedValue", entry);
				copy(this.result.getDetails(), "observedUnit", entry);
			}
			if (this.output != null) {
				entry.put("output", this.output);
			}
			return entry;
		}

		private static void copy(Map<String, Object> details, String key, Map<String, Object> entry) {
			Object value = details.get(key);
			if (value != null) {
				entry.put(key, value);
			}
		}

	}

}
