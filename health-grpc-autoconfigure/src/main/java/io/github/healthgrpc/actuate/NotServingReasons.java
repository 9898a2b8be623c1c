package io.github.healthgrpc.actuate;

import java.util.List;
import java.util.function.Predicate;

import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.ServingStatusMapper;

import org.springframework.boot.health.contributor.Status;

/**
 * Why a service is NOT_SERVING, as the views over HTTP tell it: either member checks that
 * fail, or a state of the application that is readiness, not health (warm-up, the drain,
 * maintenance, refusing traffic), which must never read as a failure.
 *
 * @since 0.1.0
 */
public final class NotServingReasons {

	private final ServiceStatuses store;

	private final ServingStatusMapper mapper;

	private final Predicate<String> readinessCheck;

	/**
	 * Create the reasons for the given store.
	 * @param store the status store
	 * @param mapper whether a check's status lets a service serve, the rule the store
	 * derives its statuses with
	 * @param readinessCheck whether a check reports the application's readiness (Spring
	 * Boot's {@code readinessState}), which warm-up and the drain turn down on purpose
	 */
	public NotServingReasons(ServiceStatuses store, ServingStatusMapper mapper, Predicate<String> readinessCheck) {
		this.store = store;
		this.mapper = mapper;
		this.readinessCheck = readinessCheck;
	}

	/**
	 * Whether a check's status lets its services serve, under the store's rule.
	 * @param status the check's status
	 * @return {@code true} if it maps to SERVING
	 */
	public boolean serves(Status status) {
		return this.mapper.map(status) == ServingState.SERVING;
	}

	/**
	 * Whether a check fails: it has a result, its status does not serve, and it is not a
	 * readiness check. A check that has not answered yet is warm-up, not a failure.
	 * @param check the check's name
	 * @param status its status in the store
	 * @return {@code true} if it fails
	 */
	public boolean fails(String check, Status status) {
		return this.store.checkResult(check) != null && !serves(status) && !this.readinessCheck.test(check);
	}

	/**
	 * The failing member checks of a service, each as {@code "<check> is <STATUS>"}.
	 * @param health the service's health
	 * @return the failing checks, empty if none fails
	 */
	public List<String> failingChecks(ServiceHealth health) {
		return health.checks()
			.entrySet()
			.stream()
			.filter((check) -> fails(check.getKey(), check.getValue()))
			.map((check) -> check.getKey() + " is " + check.getValue().getCode())
			.toList();
	}

	/**
	 * Why a service is NOT_SERVING.
	 * @param service the service name
	 * @param health its health
	 * @return its failing checks, or "shutting down", "under maintenance", "warming up"
	 * (a member check has no result yet, or the application has never served) or
	 * "refusing traffic"
	 */
	public String reason(String service, ServiceHealth health) {
		List<String> failing = failingChecks(health);
		if (!failing.isEmpty()) {
			return String.join(", ", failing);
		}
		if (this.store.isDraining()) {
			return "shutting down";
		}
		if (this.store.maintenance().contains(service)) {
			return "under maintenance";
		}
		boolean firstResultsDue = health.checks()
			.keySet()
			.stream()
			.anyMatch((check) -> this.store.checkResult(check) == null);
		return (firstResultsDue || !this.store.hasEverServed()) ? "warming up" : "refusing traffic";
	}

}
