package io.github.healthgrpc.sample;

import java.util.Map;

import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The shared end-to-end tests' view of this sample: {@link BootSampleApplication} on
 * Spring Boot's own gRPC server, placed by {@code spring.grpc.server.port} and
 * {@code spring.grpc.server.address}. Its {@code demo.Greeter} follows sample-app's
 * {@code demo.Inventory} through the upstream check {@code inventory}
 * ({@code upstreams.yml}).
 */
public class BootSampleServer extends SampleServer {

	/**
	 * Describe the Spring Boot gRPC sample.
	 */
	public BootSampleServer() {
		super(BootSampleApplication.class, "spring.grpc.server",
				() -> new GrpcServerPort<>(GrpcServerStartedEvent.class, GrpcServerStartedEvent::getPort));
	}

	@Override
	public Follows follows() {
		return new Follows("inventory", "demo.Greeter");
	}

	@Override
	public Map<String, Object> aloneProperties() {
		// demo.Greeter as sample-app maps it (sample-health.yml), without the upstream.
		return Map.of("grpc.health.services.demo.Greeter.include", "db");
	}

}
