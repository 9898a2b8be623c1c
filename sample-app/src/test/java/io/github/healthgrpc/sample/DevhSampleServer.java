package io.github.healthgrpc.sample;

import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;

/**
 * The shared end-to-end tests' view of this sample: {@link SampleApplication} on devh's
 * gRPC server, placed by {@code grpc.server.port} and {@code grpc.server.address}.
 */
public class DevhSampleServer extends SampleServer {

	/**
	 * Describe the devh sample.
	 */
	public DevhSampleServer() {
		// The event's own getPort() repeats the configured 0; the server knows the bound
		// one.
		super(SampleApplication.class, "grpc.server",
				() -> new GrpcServerPort<>(GrpcServerStartedEvent.class, (event) -> event.getServer().getPort()));
	}

}
