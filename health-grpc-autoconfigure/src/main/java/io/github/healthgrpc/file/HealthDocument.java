package io.github.healthgrpc.file;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;

import org.springframework.boot.json.JsonWriter;

/**
 * What the health file says, as one line of JSON: the overall status first (so that a
 * shell can test it with {@code grep -q '^{"status":"SERVING"'}), the time of writing,
 * and every known service's status by name, sorted:
 *
 * <pre class="code">
 * {"status":"SERVING","time":"2026-12-01T11:24:09.123Z","services":{"":"SERVING","liveness":"SERVING","readiness":"SERVING"}}
 * </pre>
 *
 * @param status the overall status (service {@code ""})
 *
 * @param time when the document was written, to the millisecond
 * @param services the status of every known service, the overall one included
 */
record HealthDocument(ServingState status, Instant time, Map<String, ServingState> services) {

	private static final JsonWriter<HealthDocument> JSON = JsonWriter.<HealthDocument>of((members) -> {
		members.add("status", HealthDocument::status);
		members.add("time", HealthDocument::time);
		members.add("services", HealthDocument::services);
	}).withNewLineAtEnd();

	/**
	 * The document for the store's statuses.
	 * @param statuses the status of every known service
	 * @param time the time of writing
	 * @return the document
	 */
	static HealthDocument of(Map<String, ServingState> statuses, Instant time) {
		return new HealthDocument(statuses.getOrDefault(ServiceStatuses.OVERALL, ServingState.NOT_SERVING),
				time.truncatedTo(ChronoUnit.MILLIS), new TreeMap<>(statuses));
	}

	/**
	 * The document once the application has stopped: every service NOT_SERVING, the
	 * liveness service included, since nothing serves any more.
	 * @param statuses the status of every known service
	 * @param time the time of writing
	 * @return the document
	 */
	static HealthDocument stopped(Map<String, ServingState> statuses, Instant time) {
		Map<String, ServingState> stopped = new TreeMap<>();
		statuses.keySet().forEach((service) -> stopped.put(service, ServingState.NOT_SERVING));
		return of(stopped, time);
	}

	byte[] toJson() {
		return JSON.writeToString(this).getBytes(StandardCharsets.UTF_8);
	}

}
