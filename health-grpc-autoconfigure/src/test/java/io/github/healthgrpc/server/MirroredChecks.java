package io.github.healthgrpc.server;

import java.util.Map;

import io.github.healthgrpc.actuate.GrpcHealthIndicator;

import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationContext;

/**
 * A service's member checks as the {@code grpc} component of {@code /actuator/health}
 * shows them.
 */
final class MirroredChecks {

	private MirroredChecks() {
	}

	/**
	 * The checks of a service on the Actuator mirror.
	 * @param context the running application
	 * @param service the service
	 * @return each check's status, by check name
	 */
	@SuppressWarnings("unchecked")
	static Map<String, String> of(ApplicationContext context, String service) {
		Health mirror = context.getBean(GrpcHealthIndicator.class).health();
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) mirror.getDetails()
			.get("services");
		return (Map<String, String>) services.get(service).get("checks");
	}

}
