package io.github.healthgrpc.actuate.endpoint;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code grpchealth} endpoint over real HTTP on each gRPC server: the health+json
 * format with its status codes for pass, warn and fail, warm-up and the drain as warn,
 * and plain JSON.
 */
class GrpcHealthEndpointHttpTests {

	private static final String HEALTH_JSON = "application/health+json";

	@AutoClose
	private EndpointApplication application;

	@ParameterizedTest
	@EnumSource
	void healthJsonPassesWith200AndHasAnEntryPerServiceAndPerCheck(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server);
		Instant before = Instant.now();
		this.application.check("pricing")
			.set(Health.up().withDetail("observedValue", 12).withDetail("observedUnit", "ms").build());
		HttpResponse<String> response = awaitHealthJson("pass");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(HEALTH_JSON));
		String body = response.body();
		assertThat(read(body, "$.checks['demo.Inventory:serving'][0]")).containsEntry("status", "pass")
			.containsEntry("componentType", "grpc-service");
		Map<String, Object> pricing = read(body, "$.checks['pricing:status'][0]");
		assertThat(pricing).containsEntry("status", "pass")
			.containsEntry("componentType", "check")
			.containsEntry("observedValue", 12)
			.containsEntry("observedUnit", "ms")
			.doesNotContainKey("output");
		assertThat(Instant.parse((String) pricing.get("time"))).isBetween(before, Instant.now());
		assertThat(read(body, "$.checks['db:status'][0]")).containsEntry("status", "pass");
		assertThat(read(body, "$.checks['liveness:serving'][0]")).containsEntry("status", "pass");
		assertThat(body).doesNotContain("\"notes\"");
		// Asked for both, a monitor gets health+json.
		assertThat(this.application.get("application/json, " + HEALTH_JSON).headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(HEALTH_JSON));
	}

	@ParameterizedTest
	@EnumSource
	void aCheckOfTheOverallThatIsDownFailsWith503AndSaysWhich(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server);
		this.application.check("db").down("connection refused by db.internal:5432");
		HttpResponse<String> response = awaitHealthJson("fail");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(HEALTH_JSON));
		assertThat(read(response.body(), "$")).containsEntry("output", "db is DOWN");
		assertThat(read(response.body(), "$.checks['db:status'][0]")).containsEntry("status", "fail")
			.containsEntry("output", "db is DOWN");
		// A check's details stay behind Spring Boot's show-details policy.
		assertThat(response.body()).doesNotContain("db.internal");
	}

	@ParameterizedTest
	@EnumSource
	void aServiceThatIsNotServingWhileTheOverallServesWarnsWith200(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server);
		this.application.check("pricing").down("timeout");
		HttpResponse<String> response = awaitHealthJson("warn");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(notes(response)).containsExactly("demo.Inventory is NOT_SERVING: pricing is DOWN");
		assertThat(read(response.body(), "$.checks['demo.Inventory:serving'][0]")).containsEntry("status", "fail")
			.containsEntry("output", "pricing is DOWN");
		assertThat(read(response.body(), "$.checks['demo.Greeter:serving'][0]")).containsEntry("status", "pass");
	}

	@ParameterizedTest
	@EnumSource
	void aCheckThatServesWithAWarningWarnsWith200AndSaysWhy(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server);
		this.application.check("pricing")
			.set(Health.up().withDetail("warning", "heap after GC at 91%, warn from 90%").build());
		HttpResponse<String> response = awaitHealthJson("warn");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(notes(response)).containsExactly("pricing: heap after GC at 91%, warn from 90%");
		assertThat(read(response.body(), "$.checks['pricing:status'][0]")).containsEntry("status", "warn")
			.containsEntry("output", "pricing: heap after GC at 91%, warn from 90%");
		assertThat(read(response.body(), "$.checks['demo.Inventory:serving'][0]")).containsEntry("status", "pass");
	}

	@ParameterizedTest
	@EnumSource
	void warmUpWarnsWith200AndANote(TestGrpcServer server) throws Exception {
		// A check without a first result keeps the overall NOT_SERVING: warm-up.
		this.application = EndpointApplication.start(server, "grpc.health.overall.include=db,cache-warm");
		HttpResponse<String> response = this.application.get(HEALTH_JSON);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(read(response.body(), "$")).containsEntry("status", "warn");
		assertThat(notes(response)).contains("warming up");
		assertThat(read(response.body(), "$.checks['cache-warm:status'][0]")).containsEntry("status", "warn")
			.containsEntry("output", "no result yet")
			.doesNotContainKey("time");
	}

	@ParameterizedTest
	@EnumSource
	void theDrainWarnsWith200AndANote(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server, "grpc.health.shutdown.drain-delay=3s");
		awaitHealthJson("pass");
		Thread closing = new Thread(this.application.started()::close);
		closing.start();
		try {
			HttpResponse<String> response = awaitHealthJson("warn");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(notes(response)).containsExactly("shutting down");
			assertThat(read(response.body(), "$.checks['demo.Inventory:serving'][0]")).containsEntry("status", "warn")
				.containsEntry("output", "shutting down");
		}
		finally {
			closing.join(30_000);
		}
	}

	@ParameterizedTest
	@EnumSource
	void plainJsonListsEveryServiceWithItsStatusAndMemberChecks(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server);
		this.application.check("pricing").down("timeout");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> read(this.application.get("application/json").body(), "$.services['demo.Inventory']"),
					(inventory) -> "NOT_SERVING".equals(inventory.get("status")));
		HttpResponse<String> json = this.application.get("application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(read(json.body(), "$.overall")).containsEntry("status", "SERVING")
			.containsEntry("checks", Map.of("db", "UP"));
		assertThat(read(json.body(), "$.services['demo.Inventory']")).containsEntry("status", "NOT_SERVING")
			.containsEntry("reason", "pricing is DOWN")
			.containsEntry("maintenance", false)
			.containsEntry("checks", Map.of("db", "UP", "pricing", "DOWN"));
		assertThat(read(json.body(), "$.services['demo.Greeter']")).containsEntry("status", "SERVING");
		assertThat(read(json.body(), "$.services")).containsKeys("liveness", "readiness");
		HttpResponse<String> noAccept = this.application.get(null);
		assertThat(noAccept.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		assertThat(read(noAccept.body(), "$.services")).isEqualTo(read(json.body(), "$.services"));
	}

	private HttpResponse<String> awaitHealthJson(String status) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> this.application.get(HEALTH_JSON),
					(response) -> status.equals(read(response.body(), "$").get("status")));
	}

	private static List<String> notes(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.notes");
	}

	static Map<String, Object> read(String json, String path) {
		return JsonPath.read(json, path);
	}

}
