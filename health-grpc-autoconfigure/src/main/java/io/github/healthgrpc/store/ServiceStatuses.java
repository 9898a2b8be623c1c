package io.github.healthgrpc.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * The read-only face of the {@link StatusStore}: what the views (the Health service, the
 * actuator, the metrics, the health file) read, and the listeners they register to hear
 * changes. The writers (the check engine, the lifecycle, the check sources) hold the
 * {@link StatusStore} itself, as Spring Boot's {@code HealthContributorRegistry} extends
 * the read-only {@code HealthContributors}; a view depending on this type cannot change a
 * status by mistake.
 *
 * @since 0.1.0
 */
public interface ServiceStatuses {

	/**
	 * The service name that stands for the server overall.
	 */
	String OVERALL = "";

	/**
	 * The serving status of a service.
	 * @param service the service name, {@code ""} for the server overall
	 * @return its status, or {@code null} if the service is not known
	 */
	@Nullable ServingState status(String service);

	/**
	 * The serving status of every known service.
	 * @return an immutable map from service name to status
	 */
	Map<String, ServingState> statuses();

	/**
	 * A service's status together with its member checks' statuses.
	 * @param service the service name
	 * @return its health, or {@code null} if the service is not known
	 */
	@Nullable ServiceHealth health(String service);

	/**
	 * The latest result of a check.
	 * @param checkName the check's name
	 * @return its latest result, or {@code null} before the first one
	 */
	@Nullable Health checkResult(String checkName);

	/**
	 * When the latest result of a check was recorded.
	 * @param checkName the check's name
	 * @return the time, or {@code null} before the first result
	 */
	@Nullable Instant checkResultTime(String checkName);

	/**
	 * The services under maintenance.
	 * @return an immutable set of service names
	 */
	Set<String> maintenance();

	/**
	 * The known services that {@link StatusStore#startMaintenance(String)} accepts: every
	 * service that follows traffic, {@code ""} included.
	 * @return an immutable set of service names
	 */
	Set<String> maintainableServices();

	/**
	 * Whether any service that follows traffic has ever been SERVING, that is whether any
	 * client may have been told to send traffic here.
	 * @return {@code true} once such a service has been SERVING
	 */
	boolean hasEverServed();

	/**
	 * Whether {@link StatusStore#drain()} (or {@link StatusStore#close()}) was called.
	 * @return {@code true} once the drain has begun
	 */
	boolean isDraining();

	/**
	 * Whether {@link StatusStore#close()} was called.
	 * @return {@code true} once closed
	 */
	boolean isClosed();

	/**
	 * Hear about changes from now on, on a thread of the store's own.
	 * @param listener the listener
	 */
	void addListener(StatusListener listener);

	/**
	 * Stop hearing about changes; what the listener has not heard yet, it never hears.
	 * @param listener the listener
	 */
	void removeListener(StatusListener listener);

}
