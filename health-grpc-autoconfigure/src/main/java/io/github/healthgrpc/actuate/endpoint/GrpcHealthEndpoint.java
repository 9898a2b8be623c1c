package io.github.healthgrpc.actuate.endpoint;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.store.StatusStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code grpchealth} endpoint ({@code /actuator/grpchealth}): the status store over
 * HTTP, and a maintenance switch.
 * <ul>
 * <li>{@code GET} with {@code Accept: application/health+json}: the IETF health+json
 * format (see {@link HealthJsonResponse}); otherwise plain JSON with every service.</li>
 * <li>{@code POST /actuator/grpchealth/<service>}: put that service under maintenance,
 * NOT_SERVING until {@code DELETE /actuator/grpchealth/<service>}. Without a service
 * ({@code POST /actuator/grpchealth}, {@code DELETE /actuator/grpchealth}): every service
 * that follows traffic, the overall and readiness included, never liveness.</li>
 * </ul>
 * A web endpoint, not an {@code @Endpoint}: its answers are HTTP status codes and media
 * types. It only reads and switches the store, so it works the same on every gRPC server.
 *
 * <p>
 * Read-only by default: one anonymous {@code POST} would take every service out of
 * rotation, so, as Spring Boot's {@code shutdown} endpoint, the switch is there only when
 * the application asks for it
 * ({@code management.endpoint.grpchealth.access=unrestricted}, or
 * {@code management.endpoints.access.default=unrestricted}, which opens {@code shutdown}
 * too).
 *
 * @since 0.1.0
 */
@WebEndpoint(id = "grpchealth", defaultAccess = Access.READ_ONLY)
public class GrpcHealthEndpoint {

	private static final Log logger = LogFactory.getLog(GrpcHealthEndpoint.class);

	private static final int LONGEST_NAME_SHOWN = 200;

	private final StatusStore store;

	private final HealthJsonResponse healthJson;

	private final ServicesResponse services;

	/**
	 * Create the endpoint.
	 * @param store the status store
	 * @param reasons why services are not serving
	 */
	public GrpcHealthEndpoint(StatusStore store, NotServingReasons reasons) {
		this.store = store;
		this.healthJson = new HealthJsonResponse(store, reasons);
		this.services = new ServicesResponse(store, reasons);
	}

	/**
	 * The health of every service, in the format the request accepts.
	 * @param format the format, from the {@code Accept} header
	 * @return the health; in health+json, HTTP 503 when it fails
	 */
	@ReadOperation(producesFrom = GrpcHealthFormat.class)
	public WebEndpointResponse<Map<String, Object>> health(GrpcHealthFormat format) {
		return (format == GrpcHealthFormat.HEALTH_JSON) ? this.healthJson.response() : this.services.response(format);
	}

	/**
	 * Put one service under maintenance: NOT_SERVING until it ends, pushed to watchers.
	 * @param service the service
	 * @param principal who asked, if known
	 * @return the services under maintenance; HTTP 404 for an unknown service, 400 for
	 * one that follows liveness, 503 once the store is closed for shutdown
	 */
	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> startMaintenance(@Selector String service,
			@Nullable Principal principal) {
		WebEndpointResponse<Map<String, Object>> refusal = refusal(service);
		if (refusal != null) {
			return refusal;
		}
		if (this.store.startMaintenance(service)) {
			logger.info("Maintenance of gRPC service " + service + " started" + Caller.by(principal)
					+ ": it answers NOT_SERVING until the maintenance ends");
		}
		return maintenance();
	}

	/**
	 * Put every service that follows traffic under maintenance.
	 * @param principal who asked, if known
	 * @return the services under maintenance; HTTP 503 once the store is closed
	 */
	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> startMaintenanceOfEveryService(@Nullable Principal principal) {
		if (this.store.isClosed()) {
			return closed();
		}
		// Only what this request changed, so a repeat logs nothing and blames no one.
		Set<String> started = this.store.startMaintenanceOfEveryService();
		if (!started.isEmpty()) {
			logger.info("Maintenance of every gRPC service started" + Caller.by(principal) + ": " + quoted(started)
					+ " answer NOT_SERVING until the maintenance ends");
		}
		return maintenance();
	}

	/**
	 * End one service's maintenance.
	 * @param service the service
	 * @param principal who asked, if known
	 * @return the services still under maintenance; HTTP 404 for an unknown service, 503
	 * once the store is closed
	 */
	@DeleteOperation
	public WebEndpointResponse<Map<String, Object>> endMaintenance(@Selector String service,
			@Nullable Principal principal) {
		WebEndpointResponse<Map<String, Object>> refusal = refusal(service);
		if (refusal != null) {
			return refusal;
		}
		if (this.store.endMaintenance(service)) {
			logger.info("Maintenance of gRPC service " + service + " ended" + Caller.by(principal));
		}
		return maintenance();
	}

	/**
	 * End the maintenance of every service.
	 * @param principal who asked, if known
	 * @return the services still under maintenance: none; HTTP 503 once the store is
	 * closed
	 */
	@DeleteOperation
	public WebEndpointResponse<Map<String, Object>> endMaintenanceOfEveryService(@Nullable Principal principal) {
		if (this.store.isClosed()) {
			return closed();
		}
		Set<String> ended = this.store.endMaintenanceOfEveryService();
		if (!ended.isEmpty()) {
			logger.info("Maintenance of every gRPC service ended" + Caller.by(principal) + ": " + quoted(ended));
		}
		return maintenance();
	}

	private @Nullable WebEndpointResponse<Map<String, Object>> refusal(String service) {
		if (this.store.isClosed()) {
			return closed();
		}
		Set<String> maintainable = new TreeSet<>(this.store.maintainableServices());
		maintainable.remove(StatusStore.OVERALL);
		if (this.store.status(service) == null) {
			return error(WebEndpointResponse.STATUS_NOT_FOUND, "gRPC service \"" + shown(service)
					+ "\" is not known. Use one of " + maintainable + ", or no service for every service.");
		}
		if (!maintainable.contains(service)) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST,
					"gRPC service \"" + service
							+ "\" follows the application's liveness and is never under maintenance: NOT_SERVING there "
							+ "would make Kubernetes restart the pod. Use one of " + maintainable
							+ ", or no service for every service.");
		}
		return null;
	}

	// The store keeps every status for good once closed, so maintenance would change
	// nothing.
	private static WebEndpointResponse<Map<String, Object>> closed() {
		return error(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, "The application is shutting down: every gRPC "
				+ "service that follows traffic is NOT_SERVING until it stops, and maintenance no longer changes it.");
	}

	private WebEndpointResponse<Map<String, Object>> maintenance() {
		return new WebEndpointResponse<>(Map.of("maintenance", new TreeSet<>(this.store.maintenance())));
	}

	private static WebEndpointResponse<Map<String, Object>> error(int status, String message) {
		return new WebEndpointResponse<>(Map.of("status", status, "message", message), status);
	}

	private static String quoted(Set<String> services) {
		return new TreeSet<>(services).stream()
			.map((service) -> "\"" + service + "\"")
			.collect(Collectors.joining(", "));
	}

	private static String shown(String service) {
		return (service.length() > LONGEST_NAME_SHOWN) ? service.substring(0, LONGEST_NAME_SHOWN) + "..." : service;
	}

}
