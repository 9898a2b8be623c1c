package io.github.healthgrpc.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads {@code /actuator/health} of a running sample over real HTTP.
 */
final class ActuatorHealth {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ActuatorHealth() {
	}

	/**
	 * The health endpoint's body, which must come with status 200 (the overall health
	 * depends on {@code db} only, which stays UP).
	 */
	static DocumentContext get(int httpPort) throws IOException, InterruptedException {
		return get(httpPort, "/actuator/health");
	}

	/**
	 * The body of an endpoint path, such as {@code /actuator/health/grpc}, which must
	 * come with status 200.
	 */
	static DocumentContext get(int httpPort, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(httpPort, path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	/**
	 * The HTTP status of an endpoint path.
	 */
	static int statusCode(int httpPort, String path) throws IOException, InterruptedException {
		return send(httpPort, path).statusCode();
	}

	private static HttpResponse<String> send(int httpPort, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
