package io.github.healthgrpc.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServingStatus;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code grpc} component of {@code /actuator/health}: DOWN while a check behind the
 * server's overall status reports a status that does not serve, UP otherwise, with the
 * overall status, why it is not serving, and every service's status and member checks in
 * the details. Warm-up and the shutdown drain keep the server NOT_SERVING but leave this
 * component UP, and so does maintenance: they are readiness, which Spring Boot's {@code readinessState} reports,
 * and an {@code /actuator/health} used as a liveness check must not restart the
 * application for them. It reads the {@link StatusStore} and never runs a check.
 */
public class GrpcHealthIndicator implements HealthIndicator {

	private final StatusStore store;

	private final NotServingReasons reasons;

	/**
	 * Create a mirror of the given store.
	 * @param store the status store
	 * @param mapper whether a check's status lets a service serve, the rule the store
	 * derives its statuses with
	 * @param readinessCheck whether a check reports the application's readiness (Spring
	 * Boot's {@code readinessState}), which warm-up and the drain turn down on purpose
	 */
	public GrpcHealthIndicator(StatusStore store, ServingStatusMapper mapper, Predicate<String> readinessCheck) {
		this.store = store;
		this.reasons = new NotServingReasons(store, mapper, readinessCheck);
	}

	@Override
	public Health health() {
		ServiceHealth overall = this.store.health(StatusStore.OVERALL);
		if (overall == null) {
			return Health.unknown().build();
		}
		List<String> failing = this.reasons.failingChecks(overall);
		Map<String, Object> overallDetails = describe(overall);
		if (overall.status() != ServingStatus.SERVING) {
			overallDetails.put("reason", this.reasons.reason(StatusStore.OVERALL, overall));
		}
		Health.Builder builder = failing.isEmpty() ? Health.up() : Health.down();
		Map<String, Object> services = new LinkedHashMap<>();
		this.store.statuses().keySet().stream().filter((service) -> !service.isEmpty()).sorted().forEach((service) -> {
			ServiceHealth health = this.store.health(service);
			if (health != null) {
				services.put(service, describe(health));
			}
		});
		return builder.withDetail("overall", overallDetails).withDetail("services", services).build();
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
