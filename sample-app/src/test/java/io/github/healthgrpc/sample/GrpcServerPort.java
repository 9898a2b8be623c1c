package io.github.healthgrpc.sample;

import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;

import org.springframework.context.ApplicationListener;

/**
 * Remembers the port the gRPC server actually listens on, which with
 * {@code grpc.server.port=0} only the server knows.
 */
class GrpcServerPort implements ApplicationListener<GrpcServerStartedEvent> {

	private volatile int port;

	@Override
	public void onApplicationEvent(GrpcServerStartedEvent event) {
		// The event's own getPort() repeats the configured 0; the server knows the bound one.
		this.port = event.getServer().getPort();
	}

	int get() {
		int port = this.port;
		if (port <= 0) {
			throw new IllegalStateException("The gRPC server has not started");
		}
		return port;
	}

}
