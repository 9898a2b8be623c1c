package io.github.healthgrpc.actuate.endpoint;

import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance switch once the store has closed for shutdown: every write answers 503
 * and says why, nothing changes and nothing is logged as started or ended.
 */
@ExtendWith(OutputCaptureExtension.class)
class GrpcHealthEndpointTests {

	private static final String SHUTTING_DOWN = "The application is shutting down: every gRPC service that "
			+ "follows traffic is NOT_SERVING until it stops, and maintenance no longer changes it.";

	private final StatusStore store = new StatusStore();

	private final GrpcHealthEndpoint endpoint = new GrpcHealthEndpoint(this.store,
			new NotServingReasons(this.store, ServingStatusMapper.getDefault(), (check) -> false));

	@Test
	void onceTheStoreIsClosedEveryMaintenanceWriteAnswers503AndChangesNothing(CapturedOutput output) {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db", Health.up().build());
		this.endpoint.startMaintenance("demo.Inventory", null);
		this.store.close();
		assertShuttingDown(this.endpoint.startMaintenance("", null));
		assertShuttingDown(this.endpoint.startMaintenanceOfEveryService(null));
		assertShuttingDown(this.endpoint.endMaintenance("demo.Inventory", null));
		assertShuttingDown(this.endpoint.endMaintenanceOfEveryService(null));
		assertThat(this.store.maintenance()).containsExactly("demo.Inventory");
		assertThat(output).containsOnlyOnce("Maintenance of").doesNotContain("ended");
	}

	private static void assertShuttingDown(WebEndpointResponse<Map<String, Object>> response) {
		assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		assertThat(response.getBody()).containsEntry("message", SHUTTING_DOWN);
	}

}
