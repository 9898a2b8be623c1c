package io.github.healthgrpc.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample exposes {@code /actuator/grpchealth} without setting its access, so
 * read-only: health+json and plain JSON show the same picture as the gRPC Health service,
 * over real HTTP, and the maintenance switch is not there.
 */
class GrpcHealthEndpointEndToEndTests extends AbstractSampleServerTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int httpPort;

	@Test
	void healthJsonPassesWhilePricingIsUpAndWarnsWhileItIsDown() throws Exception {
		pricingUp();
		HttpResponse<String> pass = get("application/health+json");
		assertThat(pass.statusCode()).isEqualTo(200);
		assertThat(pass.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/health+json"));
		assertThat(JsonPath.<String>read(pass.body(), "$.status")).isEqualTo("pass");
		assertThat(JsonPath.<String>read(pass.body(), "$.checks['pricing:status'][0].status")).isEqualTo("pass");
		pricingDown();
		await().atMost(PATIENCE)
			.until(() -> JsonPath.<String>read(get("application/health+json").body(), "$.status"), "warn"::equals);
		HttpResponse<String> warn = get("application/health+json");
		assertThat(warn.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(warn.body(), "$.checks['demo.Inventory:serving'][0].output"))
			.isEqualTo("pricing is DOWN");
	}

	@Test
	void plainJsonListsTheDemoServicesWithTheirChecks() throws Exception {
		pricingDown();
		HttpResponse<String> json = get("application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Map<String, Object>>read(json.body(), "$.services['demo.Inventory']"))
			.containsEntry("status", "NOT_SERVING")
			.containsEntry("checks", Map.of("db", "UP", "pricing", "DOWN"));
		assertThat(JsonPath.<String>read(json.body(), "$.services['demo.Greeter'].status")).isEqualTo("SERVING");
	}

	@Test
	void theMaintenanceSwitchIsNotExposed() throws Exception {
		pricingUp();
		HttpResponse<String> post = http.send(request("/demo.Inventory").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isBetween(400, 499);
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
	}

	private HttpResponse<String> get(String accept) throws IOException, InterruptedException {
		return http.send(request("").header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/grpchealth" + path))
			.timeout(Duration.ofSeconds(30));
	}

}
