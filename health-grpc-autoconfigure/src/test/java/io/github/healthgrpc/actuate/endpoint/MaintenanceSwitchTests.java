package io.github.healthgrpc.actuate.endpoint;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import io.github.healthgrpc.grpc.TimedWatch;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance switch of the {@code grpchealth} endpoint on each gRPC server: an HTTP
 * write reaches a real Watch client at once, a recovering check does not end it, every
 * service leaves liveness alone, bad names get a 4xx that names the services, each change
 * is logged with who asked, and read-only access leaves no switch.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaintenanceSwitchTests {

	/**
	 * The bound: a Watch hears the maintenance within 50 ms of the write
	 * returning.
	 */
	private static final double BOUND_MILLIS = 50;

	/**
	 * What opens the switch: the endpoint is read-only unless the application says so.
	 */
	private static final String UNRESTRICTED = "management.endpoint.grpchealth.access=unrestricted";

	@AutoClose
	private EndpointApplication application;

	@ParameterizedTest
	@EnumSource
	void aWatchHearsMaintenanceWithin50MillisecondsOfTheWriteAndServingWhenItEnds(TestGrpcServer server,
			CapturedOutput output) throws Exception {
		this.application = EndpointApplication.start(server, UNRESTRICTED);
		try (TimedWatch watch = TimedWatch.watch(this.application.channel(), "demo.Inventory")) {
			assertThat(watch.next().status()).isEqualTo(ServingStatus.SERVING);
			long startSent = System.nanoTime();
			HttpResponse<String> started = this.application.post("/demo.Inventory", "alice");
			long startReturned = System.nanoTime();
			assertThat(started.statusCode()).isEqualTo(200);
			assertThat(maintenance(started)).containsExactly("demo.Inventory");
			TimedWatch.Message notServing = watch.next();
			assertThat(notServing.status()).isEqualTo(ServingStatus.NOT_SERVING);
			// A check that recovers does not end it.
			this.application.check("pricing").down("timeout");
			this.application.check("pricing").up();
			assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
			assertThat(check("demo.Greeter")).isEqualTo(ServingStatus.SERVING);
			assertThat(JsonPath.<String>read(this.application.get("application/health+json").body(),
					"$.checks['demo.Inventory:serving'][0].output"))
				.isEqualTo("under maintenance");
			long endSent = System.nanoTime();
			HttpResponse<String> ended = this.application.delete("/demo.Inventory", "bob");
			long endReturned = System.nanoTime();
			assertThat(ended.statusCode()).isEqualTo(200);
			assertThat(maintenance(ended)).isEmpty();
			TimedWatch.Message serving = watch.next();
			assertThat(serving.status()).isEqualTo(ServingStatus.SERVING);
			System.out.printf(
					"%s: the Watch heard NOT_SERVING %.2f ms and SERVING %.2f ms after the HTTP write "
							+ "returned (0: before it returned), %.2f ms and %.2f ms after it was sent%n",
					server, notServing.millisAfter(startReturned), serving.millisAfter(endReturned),
					notServing.millisAfter(startSent), serving.millisAfter(endSent));
			assertThat(notServing.millisAfter(startReturned)).isLessThan(BOUND_MILLIS);
			assertThat(serving.millisAfter(endReturned)).isLessThan(BOUND_MILLIS);
		}
		assertThat(output)
			.contains("Maintenance of gRPC service demo.Inventory started by alice: it answers "
					+ "NOT_SERVING until the maintenance ends")
			.contains("Maintenance of gRPC service demo.Inventory ended by bob");
	}

	@ParameterizedTest
	@EnumSource
	void maintenanceOfEveryServiceTakesReadinessAndTheOverallButNeverLiveness(TestGrpcServer server,
			CapturedOutput output) throws Exception {
		this.application = EndpointApplication.start(server, UNRESTRICTED);
		HttpResponse<String> started = this.application.post("", null);
		assertThat(started.statusCode()).isEqualTo(200);
		assertThat(maintenance(started)).contains("", "demo.Inventory", "demo.Greeter", "readiness")
			.doesNotContain("liveness");
		assertThat(check("")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(check("readiness")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
		HttpResponse<String> healthJson = this.application.get("application/health+json");
		assertThat(healthJson.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(healthJson.body(), "$.status")).isEqualTo("warn");
		assertThat(JsonPath.<List<String>>read(healthJson.body(), "$.notes")).contains("under maintenance");
		HttpResponse<String> ended = this.application.delete("", null);
		assertThat(maintenance(ended)).isEmpty();
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("readiness")).isEqualTo(ServingStatus.SERVING);
		assertThat(output).contains("Maintenance of every gRPC service started (caller unknown): \"\", ")
			.contains("Maintenance of every gRPC service ended (caller unknown)");
	}

	@ParameterizedTest
	@EnumSource
	void anUnknownServiceGets404NamingTheServicesAndLivenessGets400(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server, UNRESTRICTED);
		HttpResponse<String> unknown = this.application.post("/demo.Nope", "alice");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JsonPath.<String>read(unknown.body(), "$.message"))
			.startsWith("gRPC service \"demo.Nope\" is not known. Use one of [demo.Greeter, demo.Inventory, ")
			.endsWith(", readiness], or no service for every service.");
		assertThat(this.application.delete("/demo.Nope", "alice").statusCode()).isEqualTo(404);
		HttpResponse<String> liveness = this.application.post("/liveness", "alice");
		assertThat(liveness.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(liveness.body(), "$.message"))
			.startsWith("gRPC service \"liveness\" follows the application's liveness and is never under maintenance");
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void readOnlyAccessKeepsTheReadAndDropsTheSwitch(TestGrpcServer server) throws Exception {
		this.application = EndpointApplication.start(server, "management.endpoint.grpchealth.access=read-only");
		assertThat(this.application.get("application/health+json").statusCode()).isEqualTo(200);
		assertThat(this.application.post("/demo.Inventory", "alice").statusCode()).isBetween(400, 499);
		assertThat(this.application.post("", "alice").statusCode()).isBetween(400, 499);
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void exposedWithoutAnAccessSettingTheEndpointReadsButRefusesEveryWrite(TestGrpcServer server, CapturedOutput output)
			throws Exception {
		this.application = EndpointApplication.start(server, "management.endpoints.web.exposure.include=*");
		assertThat(this.application.get("application/health+json").statusCode()).isEqualTo(200);
		List<Integer> refusals = List.of(this.application.post("", null).statusCode(),
				this.application.post("/demo.Inventory", null).statusCode(),
				this.application.delete("", null).statusCode(),
				this.application.delete("/demo.Inventory", null).statusCode());
		System.out.println(server + ": without an access setting, POST and DELETE (every service, one service) "
				+ "answered " + refusals);
		// Spring Boot maps no write operation: 405 where the path has the read, 404 below
		// it.
		assertThat(refusals).containsExactly(405, 404, 405, 404);
		assertThat(maintenance(this.application.get("application/json"))).isEmpty();
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("readiness")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
		assertThat(output).doesNotContain("Maintenance of");
	}

	@ParameterizedTest
	@EnumSource
	void aMaximumPermittedAccessOfReadOnlyKeepsTheSwitchOffWhateverTheEndpointsSetting(TestGrpcServer server)
			throws Exception {
		this.application = EndpointApplication.start(server, UNRESTRICTED,
				"management.endpoints.access.max-permitted=read-only");
		assertThat(this.application.get("application/health+json").statusCode()).isEqualTo(200);
		assertThat(this.application.post("", null).statusCode()).isEqualTo(405);
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void onlyRealChangesAreLoggedEachWithTheCallerWhoMadeIt(TestGrpcServer server, CapturedOutput output)
			throws Exception {
		this.application = EndpointApplication.start(server, UNRESTRICTED);
		assertThat(this.application.post("/demo.Inventory", "alice").statusCode()).isEqualTo(200);
		assertThat(this.application.post("/demo.Inventory", null).statusCode()).isEqualTo(200);
		assertThat(this.application.post("", "bob").statusCode()).isEqualTo(200);
		assertThat(this.application.post("", null).statusCode()).isEqualTo(200);
		assertThat(this.application.post("", "carol").statusCode()).isEqualTo(200);
		assertThat(this.application.delete("", "dave").statusCode()).isEqualTo(200);
		assertThat(this.application.delete("", null).statusCode()).isEqualTo(200);
		assertThat(this.application.delete("/demo.Inventory", "erin").statusCode()).isEqualTo(200);
		List<String> lines = maintenanceLines(output);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).contains("Maintenance of gRPC service demo.Inventory started by alice:");
		// Every service but the one alice had already taken: what bob changed.
		assertThat(lines.get(1)).contains("Maintenance of every gRPC service started by bob: \"\", ")
			.contains("\"readiness\"")
			.doesNotContain("\"demo.Inventory\"");
		assertThat(lines.get(2)).contains("Maintenance of every gRPC service ended by dave: \"\", ")
			.contains("\"demo.Inventory\"");
		assertThat(output).doesNotContain("(caller unknown)");
	}

	@ParameterizedTest
	@EnumSource
	void controlCharactersInTheCallersNameAreEscapedSoTheyCannotForgeALogLine(TestGrpcServer server,
			CapturedOutput output) throws Exception {
		this.application = EndpointApplication.start(server, UNRESTRICTED);
		String forged = "mallory\nMaintenance of every gRPC service ended by root\r\t\u0007\u2028";
		assertThat(this.application.post("/demo.Inventory", forged).statusCode()).isEqualTo(200);
		List<String> lines = maintenanceLines(output);
		assertThat(lines).singleElement()
			.asString()
			.contains("Maintenance of gRPC service demo.Inventory started by mallory\\nMaintenance of every gRPC "
					+ "service ended by root\\r\\t\\u0007\\u2028: it answers NOT_SERVING");
	}

	private static List<String> maintenanceLines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("Maintenance of")).toList();
	}

	private ServingStatus check(String service) {
		return HealthGrpc.newBlockingStub(this.application.channel())
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

	private static List<String> maintenance(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.maintenance");
	}

}
