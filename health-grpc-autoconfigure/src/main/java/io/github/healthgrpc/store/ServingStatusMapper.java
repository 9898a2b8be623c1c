package io.github.healthgrpc.store;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Status;

/**
 * Decides whether a check's health {@link Status} lets a service be SERVING, as Spring
 * Boot's {@code HttpCodeStatusMapper} decides the HTTP status of
 * {@code /actuator/health}. A service is SERVING only if the status of every member check
 * maps to {@link ServingState#SERVING}, so the order of the statuses never matters.
 *
 * <p>
 * health-grpc's auto-configuration provides one from {@code grpc.health.status.mapping};
 * a bean of this type replaces it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ServingStatusMapper {

	/**
	 * The serving status that a check with the given health status allows.
	 * @param status a check's health status
	 * @return {@link ServingState#SERVING} if the check lets its services serve
	 */
	ServingState map(Status status);

	/**
	 * The default rule: {@link Status#UP} is SERVING, every other status (DOWN,
	 * OUT_OF_SERVICE, UNKNOWN and custom ones) NOT_SERVING.
	 * @return the default mapper
	 */
	static ServingStatusMapper getDefault() {
		return MappedServingStatusMapper.DEFAULT;
	}

	/**
	 * The default rule with some status codes mapped otherwise. Codes are matched as
	 * Spring Boot matches {@code management.endpoint.health.status.http-mapping} keys:
	 * case and characters other than letters and digits are ignored, so
	 * {@code out-of-service} and {@code OUT_OF_SERVICE} name the same status.
	 * @param mappings serving status by health status code; {@code null} or empty for the
	 * default rule
	 * @return the mapper
	 */
	static ServingStatusMapper of(@Nullable Map<String, ServingState> mappings) {
		return (mappings == null || mappings.isEmpty()) ? MappedServingStatusMapper.DEFAULT
				: new MappedServingStatusMapper(mappings);
	}

}
