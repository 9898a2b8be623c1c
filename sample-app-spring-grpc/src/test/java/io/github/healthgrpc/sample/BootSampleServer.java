package io.github.healthgrpc.sample;

import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The shared end-to-end tests' view of this sample: {@link BootSampleApplication} on
 * Spring Boot's own gRPC server, placed by {@code spring.grpc.server.port} and
 * {@code spring.grpc.server.address}.
 */
public class BootSampleServer extends SampleServer {

	/**
	 * Describe the Spring Boot gRPC sample.
	 */
	public BootSampleServer() {
		super(BootSampleApplication.class, "spring.grpc.server",
				() -> new GrpcServerPort<>(GrpcServerStartedEvent.class, GrpcServerStartedEvent::getPort));
	}

}
