package io.github.healthgrpc.server.devh;

import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerSupport;
import io.github.healthgrpc.server.RecordBoundServicesOnServerStart;
import io.grpc.Server;
import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;

/**
 * devh's gRPC server as health-grpc sees it: once it has started, the services it binds,
 * handed to {@link BoundServices}.
 *
 * @since 0.1.0
 */
public class DevhGrpcServer extends RecordBoundServicesOnServerStart<GrpcServerStartedEvent>
		implements GrpcServerAdapter {

	private static final GrpcServerSupport SERVER = new DevhGrpcServerSupport();

	/**
	 * Create the adapter.
	 * @param boundServices where the started server's services go
	 */
	public DevhGrpcServer(BoundServices boundServices) {
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
