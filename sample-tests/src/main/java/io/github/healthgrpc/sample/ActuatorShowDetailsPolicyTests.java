package io.github.healthgrpc.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the {@code grpc} component of {@code /actuator/health} follows Spring
 * Boot's {@code management.endpoint.health.show-details} like any other component: its
 * details (and those of every other check) never appear with {@code never} or with
 * {@code when-authorized} and no user, on the whole endpoint and on
 * {@code /actuator/health/grpc}; with {@code never} alone the component is hidden like
 * every other. Each policy runs on a sample of its own, over real HTTP. The sample's own
 * {@code always} is proved by {@link ActuatorHealthMirrorTests}, on the shared context.
 */
class ActuatorShowDetailsPolicyTests {

	private static final Duration PATIENCE = AbstractSampleServerTests.PATIENCE;

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void withNeverAndComponentsShownTheGrpcComponentHasItsStatusAndNoDetails() throws Exception {
		start("never", "--management.endpoint.health.show-components=always");
		DocumentContext health = awaitGrpcUp("/actuator/health");
		System.out.println("show-details=never, show-components=always: " + health.jsonString());
		assertThat(health.read("$.components.db.status", String.class)).isEqualTo("UP");
		assertNoDetailsAnywhere(health);
		DocumentContext grpc = get("/actuator/health/grpc");
		assertThat(grpc.read("$.status", String.class)).isEqualTo("UP");
		assertNoDetailsAnywhere(grpc);
	}

	@Test
	void withNeverAloneTheEndpointShowsTheOverallStatusOnly() throws Exception {
		// Spring Boot hides components too unless show-components says otherwise.
		start("never");
		DocumentContext health = await().atMost(PATIENCE)
			.until(() -> get("/actuator/health"), (body) -> "UP".equals(body.read("$.status", String.class)));
		System.out.println("show-details=never: " + health.jsonString());
		assertThat(health.read("$", Map.class)).doesNotContainKey("components");
		assertNoDetailsAnywhere(health);
		// Hidden components cannot be read one by one either: grpc answers like db.
		assertThat(statusCode("/actuator/health/grpc")).isEqualTo(404).isEqualTo(statusCode("/actuator/health/db"));
	}

	@Test
	void withWhenAuthorizedAndNoUserTheGrpcComponentHasItsStatusAndNoDetails() throws Exception {
		start("when-authorized", "--management.endpoint.health.show-components=always");
		DocumentContext health = awaitGrpcUp("/actuator/health");
		System.out.println("show-details=when-authorized, no user: " + health.jsonString());
		assertNoDetailsAnywhere(health);
		DocumentContext grpc = get("/actuator/health/grpc");
		assertThat(grpc.read("$.status", String.class)).isEqualTo("UP");
		assertNoDetailsAnywhere(grpc);
	}

	private void start(String showDetails, String... more) {
		List<String> args = new ArrayList<>(List.of("--management.endpoint.health.show-details=" + showDetails,
				// Nothing listens here: pricing is DOWN, so there is a DOWN check whose
				// details could leak.
				"--sample.pricing.address=127.0.0.1:" + PricingServer.freePort(),
				"--grpc.health.shutdown.drain-delay=0s"));
		args.addAll(List.of(more));
		this.context = SampleContexts.start(SampleServer.get().newPortListener(), args.toArray(String[]::new));
	}

	private DocumentContext awaitGrpcUp(String path) {
		return await().atMost(PATIENCE)
			.until(() -> get(path), (body) -> "UP".equals(body.read("$.components.grpc.status", String.class)));
	}

	private static void assertNoDetailsAnywhere(DocumentContext body) {
		assertThat(body.read("$..details", List.class)).as("details in %s", body.jsonString()).isEmpty();
	}

	private DocumentContext get(String path) throws IOException, InterruptedException {
		return ActuatorHealth.get(httpPort(), path);
	}

	private int statusCode(String path) throws IOException, InterruptedException {
		return ActuatorHealth.statusCode(httpPort(), path);
	}

	private int httpPort() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

}
