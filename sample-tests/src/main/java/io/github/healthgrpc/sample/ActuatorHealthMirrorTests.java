package io.github.healthgrpc.sample;

import java.io.IOException;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code grpc} component of {@code /actuator/health} shows the same picture as the
 * gRPC Health service, read over real HTTP.
 */
class ActuatorHealthMirrorTests extends AbstractSampleServerTests {

	@LocalServerPort
	int httpPort;

	@Test
	void grpcComponentIsUpAndShowsEveryServiceWithItsMemberChecksWhilePricingIsUp() throws Exception {
		pricingUp();
		// The mirror reads the same store as Check: once Check saw SERVING, so does the
		// mirror.
		DocumentContext health = health();
		assertThat(health.read("$.components.db.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.grpc.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.grpc.details.overall.status", String.class)).isEqualTo("SERVING");
		assertThat(health.read("$.components.grpc.details.overall.checks", Map.class)).isEqualTo(Map.of("db", "UP"));
		assertThat(service(health, "demo.Greeter")).isEqualTo("SERVING");
		assertThat(checks(health, "demo.Greeter")).isEqualTo(Map.of("db", "UP"));
		assertThat(service(health, "demo.Inventory")).isEqualTo("SERVING");
		assertThat(checks(health, "demo.Inventory")).isEqualTo(Map.of("db", "UP", "pricing", "UP"));
	}

	@Test
	void inventoryTurnsNotServingInTheMirrorWhilePricingIsDownAndTheComponentStaysUp() throws Exception {
		pricingDown();
		DocumentContext health = health();
		assertThat(health.read("$.components.grpc.status", String.class)).isEqualTo("UP");
		assertThat(service(health, "demo.Inventory")).isEqualTo("NOT_SERVING");
		assertThat(checks(health, "demo.Inventory")).isEqualTo(Map.of("db", "UP", "pricing", "DOWN"));
		assertThat(service(health, "demo.Greeter")).isEqualTo("SERVING");
	}

	@Test
	void mirrorFollowsThePricingListenerComingBackUp() throws Exception {
		pricingDown();
		pricing.open();
		await().atMost(PATIENCE).until(() -> service(health(), "demo.Inventory"), "SERVING"::equals);
		assertThat(checks(health(), "demo.Inventory")).isEqualTo(Map.of("db", "UP", "pricing", "UP"));
	}

	@Test
	void withTheSamplesShowDetailsAlwaysEveryComponentShowsItsDetailsAlsoOnItsOwnPath() throws Exception {
		pricingDown();
		DocumentContext health = health();
		assertThat(health.read("$.components.grpc.details.services['demo.Inventory'].checks.pricing", String.class))
			.isEqualTo("DOWN");
		assertThat(health.read("$.components.db.details.database", String.class)).isEqualTo("H2");
		DocumentContext grpc = ActuatorHealth.get(this.httpPort, "/actuator/health/grpc");
		assertThat(grpc.read("$.details.services['demo.Greeter'].status", String.class)).isEqualTo("SERVING");
	}

	private DocumentContext health() throws IOException, InterruptedException {
		return ActuatorHealth.get(this.httpPort);
	}

	private static String service(DocumentContext health, String service) {
		return health.read("$.components.grpc.details.services['" + service + "'].status", String.class);
	}

	private static Map<?, ?> checks(DocumentContext health, String service) {
		return health.read("$.components.grpc.details.services['" + service + "'].checks", Map.class);
	}

}
