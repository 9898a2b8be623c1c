package io.github.healthgrpc.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServingStatus;
import io.github.healthgrpc.store.StatusStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code grpc} component of {@code /actuator/health}: UP while the server overall is
 * SERVING, DOWN otherwise, with every service's status and member checks in the details.
 * It reads the {@link StatusStore} and never runs a check.
 */
public class GrpcHealthIndicator implements HealthIndicator {

	private final StatusStore store;

	/**
	 * Create a mirror of the given store.
	 * @param store the status store
	 */
	public GrpcHealthIndicator(StatusStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		ServiceHealth overall = this.store.health(StatusStore.OVERALL);
		Health.Builder builder = (overall != null && overall.status() == ServingStatus.SERVING) ? Health.up()
				: Health.down();
		if (overall != null) {
			builder.withDetail("overall", describe(overall));
		}
		Map<String, Object> services = new LinkedHashMap<>();
		this.store.statuses().keySet().stream().filter((service) -> !service.isEmpty()).sorted().forEach((service) -> {
			ServiceHealth health = this.store.health(service);
			if (health != null) {
				services.put(service, describe(health));
			}
		});
		return builder.withDetail("services", services).build();
	}

	private static Map<String, Object> describe(ServiceHealth health) {
		Map<String, Object> checks = new LinkedHashMap<>();
		health.checks().forEach((name, status) -> checks.put(name, status.getCode()));
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("status", health.status().name());
		description.put("checks", checks);
		return description;
	}

}
