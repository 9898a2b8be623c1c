package io.github.healthgrpc.actuate.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A test application with a real web server and a real gRPC server, both on random
 * loopback ports, the {@code grpchealth} endpoint exposed, and an HTTP client for it. Its
 * checks are manual: {@code db} (the overall's and both services'), {@code pricing}
 * ({@code demo.Inventory}'s), both UP at first, and {@code cache-warm}, which has no
 * result and belongs to no service unless a test includes it.
 */
final class EndpointApplication implements AutoCloseable {

	/**
	 * The request header that the test's filter turns into the request's principal, as an
	 * authenticating filter (Spring Security's) would; URL-encoded.
	 */
	static final String USER_HEADER = "X-Test-User";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final TestGrpcServer.Started started;

	private final int httpPort;

	private ManagedChannel channel;

	private EndpointApplication(TestGrpcServer.Started started) {
		this.started = started;
		this.httpPort = ((WebServerApplicationContext) started.context()).getWebServer().getPort();
	}

	static EndpointApplication start(TestGrpcServer server, String... properties) {
		return new EndpointApplication(server.start(server.application(Application.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.grpc.server.servlet.enabled=false",
					"management.endpoints.web.exposure.include=health,grpchealth", "grpc.health.overall.include=db",
					"grpc.health.services.demo.Inventory.include=db,pricing",
					"grpc.health.services.demo.Greeter.include=db", "grpc.health.shutdown.drain-delay=0s")
			.properties(properties)));
	}

	TestGrpcServer.Started started() {
		return this.started;
	}

	ManualHealthCheck check(String name) {
		return this.started.context().getBean(name, ManualHealthCheck.class);
	}

	synchronized ManagedChannel channel() {
		if (this.channel == null) {
			this.channel = NettyChannelBuilder.forAddress("127.0.0.1", this.started.port()).usePlaintext().build();
		}
		return this.channel;
	}

	HttpResponse<String> get(String accept) throws IOException, InterruptedException {
		HttpRequest.Builder request = request("");
		if (accept != null) {
			request.header("Accept", accept);
		}
		return send(request.GET());
	}

	HttpResponse<String> post(String path, String user) throws IOException, InterruptedException {
		// As curl -X POST -H 'Content-Type: application/json': Spring Boot's write
		// operations consume JSON, and this one needs no body.
		return send(withUser(request(path), user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	HttpResponse<String> delete(String path, String user) throws IOException, InterruptedException {
		return send(withUser(request(path), user).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/actuator/grpchealth" + path))
			.timeout(Duration.ofSeconds(10));
	}

	// URL-encoded: a header cannot carry a newline, a name from a certificate or a token
	// can.
	private static HttpRequest.Builder withUser(HttpRequest.Builder request, String user) {
		return (user != null) ? request.header(USER_HEADER, URLEncoder.encode(user, StandardCharsets.UTF_8)) : request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		if (this.channel != null) {
			this.channel.shutdownNow();
		}
		this.started.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		ManualHealthCheck db() {
			ManualHealthCheck db = new ManualHealthCheck("db");
			db.up();
			return db;
		}

		@Bean
		ManualHealthCheck pricing() {
			ManualHealthCheck pricing = new ManualHealthCheck("pricing");
			pricing.up();
			return pricing;
		}

		// Never set: a service that includes it is warming up.
		@Bean
		ManualHealthCheck cacheWarm() {
			return new ManualHealthCheck("cache-warm");
		}

		// Stands in for an authenticating filter: what the endpoint logs is the principal
		// the servlet request carries, whoever authenticated it.
		@Bean
		Filter testUserFilter() {
			return (request, response, chain) -> {
				HttpServletRequest http = (HttpServletRequest) request;
				String header = http.getHeader(USER_HEADER);
				String user = (header != null) ? URLDecoder.decode(header, StandardCharsets.UTF_8) : null;
				chain.doFilter((user == null) ? request : new HttpServletRequestWrapper(http) {
					@Override
					public Principal getUserPrincipal() {
						return () -> user;
					}
				}, response);
			};
		}

	}

}
