package io.github.healthgrpc.server.boot;

import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerSupport;
import io.github.healthgrpc.server.RecordBoundServicesOnServerStart;
import io.grpc.Server;

import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * Spring Boot's gRPC server as health-grpc sees it: once a server has started, the
 * services it binds, handed to {@link BoundServices}.
 *
 * @since 0.1.0
 */
public class BootGrpcServer extends RecordBoundServicesOnServerStart<GrpcServerStartedEvent>
		implements GrpcServerAdapter {

	private static final GrpcServerSupport SERVER = new BootGrpcServerSupport();

	/**
	 * Create the adapter.
	 * @param boundServices where the started server's services go
	 */
	public BootGrpcServer(BoundServices boundServices) {
		super(boundServices);
	}

	@Override
	public GrpcServerSupport server() {
		return SERVER;
	}

	@Override
	protected Server startedServer(GrpcServerStartedEvent event) {
		return event.getServer();
	}

}
