package io.github.healthgrpc.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code grpc.health.v1.Health/List} on the real server. grpc-java's bundled health stub
 * predates List, so this uses the stub generated from grpc-proto's current health.proto.
 */
class HealthListEndToEndTests extends AbstractSampleServerTests {

	@Test
	void listNamesTheOverallStatusBothDemoServicesAndTheHealthServiceItself() {
		pricingUp();
		assertThat(list()).containsEntry("", "SERVING")
			.containsEntry("demo.Greeter", "SERVING")
			.containsEntry("demo.Inventory", "SERVING")
			.containsEntry("grpc.health.v1.Health", "SERVING");
	}

	@Test
	void listShowsInventoryNotServingWhilePricingIsDownAndTheRestServing() {
		pricingDown();
		assertThat(list()).containsEntry("", "SERVING")
			.containsEntry("demo.Greeter", "SERVING")
			.containsEntry("demo.Inventory", "NOT_SERVING")
			.containsEntry("grpc.health.v1.Health", "SERVING")
			.containsEntry("liveness", "SERVING")
			.containsEntry("readiness", "SERVING");
	}

	@Test
	void listAgreesWithCheckForEveryServiceItNames() {
		pricingDown();
		Map<String, String> listed = list();
		Map<String, String> checked = new TreeMap<>();
		listed.keySet().forEach((service) -> checked.put(service, check(service).name()));
		assertThat(listed).isEqualTo(checked);
		assertThat(ServingStatus.valueOf(listed.get("demo.Inventory"))).isEqualTo(ServingStatus.NOT_SERVING);
	}

	private Map<String, String> list() {
		Map<String, String> statuses = new TreeMap<>();
		HealthGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.list(HealthListRequest.getDefaultInstance())
			.getStatusesMap()
			.forEach((service, response) -> statuses.put(service, response.getStatus().name()));
		return statuses;
	}

}
