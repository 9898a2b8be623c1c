package io.github.healthgrpc.sample;

import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The shared end-to-end tests' view of this sample: {@link SpringGrpcSampleApplication} on
 * Spring Boot's own gRPC server, placed by {@code spring.grpc.server.port} and
 * {@code spring.grpc.server.address}.
 */
public class SpringGrpcSampleServer extends SampleServer {

	/**
	 * Describe the Spring Boot gRPC sample.
	 */
	public SpringGrpcSampleServer() {
		super(SpringGrpcSampleApplication.class, "spring.grpc.server",
				() -> new GrpcServerPort<>(GrpcServerStartedEvent.class, GrpcServerStartedEvent::getPort));
	}

}
