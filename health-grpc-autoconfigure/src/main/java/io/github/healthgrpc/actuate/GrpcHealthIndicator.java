package io.github.healthgrpc.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServiceStatuses;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code grpc} component of {@code /actuator/health}: DOWN while a check behind the
 * server's overall status reports a status that does not serve, UP otherwise, with the
 * overall status and every service in the details, each described by
 * {@link ServiceDescription}: its status, why it is not serving, whether it is under
 * maintenance, and its member checks. Warm-up and the shutdown drain keep the server
 * NOT_SERVING but leave this component UP, and so does maintenance: they are readiness,
 * which Spring Boot's {@code readinessState} reports, and an {@code /actuator/health}
 * used as a liveness check must not restart the application for them. It reads the
 * {@link ServiceStatuses} and never runs a check.
 *
 * @since 0.1.0
 */
public class GrpcHealthIndicator implements HealthIndicator {

	private final ServiceStatuses store;

	private final NotServingReasons reasons;

	private final ServiceDescription description;

	/**
	 * Create a mirror of the given store.
	 * @param store the status store
	 * @param reasons why services are not serving, and which checks fail
	 */
	public GrpcHealthIndicator(ServiceStatuses store, NotServingReasons reasons) {
		this.store = store;
		this.reasons = reasons;
		this.description = new ServiceDescription(store, reasons);
	}

	@Override
	public Health health() {
		ServiceHealth overall = this.store.health(ServiceStatuses.OVERALL);
		if (overall == null) {
			return Health.unknown().build();
		}
		List<String> failing = this.reasons.failingChecks(overall);
		Map<String, Object> overallDetails = this.description.describe(ServiceStatuses.OVERALL, overall);
		Health.Builder builder = failing.isEmpty() ? Health.up() : Health.down();
		Map<String, Object> services = new LinkedHashMap<>();
		this.store.statuses().keySet().stream().filter((service) -> !service.isEmpty()).sorted().forEach((service) -> {
			ServiceHealth health = this.store.health(service);
			if (health != null) {
				services.put(service, this.description.describe(service, health));
			}
		});
		return builder.withDetail("overall", overallDetails).withDetail("services", services).build();
	}

}
