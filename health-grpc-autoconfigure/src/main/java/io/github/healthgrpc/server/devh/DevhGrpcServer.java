package io.github.healthgrpc.server.devh;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerSupport;
import io.github.healthgrpc.server.RecordBoundServicesOnServerStart;
import io.grpc.Server;
import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;
import net.devh.boot.grpc.server.service.GrpcServiceDefinition;
import net.devh.boot.grpc.server.service.GrpcServiceDiscoverer;

/**
 * devh's gRPC server as health-grpc sees it: before the server starts, the services its
 * discoverer finds; once it has started, the services it binds, handed to
 * {@link BoundServices}.
 *
 * @since 0.1.0
 */
public class DevhGrpcServer extends RecordBoundServicesOnServerStart<GrpcServerStartedEvent>
		implements GrpcServerAdapter {

	private static final GrpcServerSupport SERVER = new DevhGrpcServerSupport();

	private final GrpcServiceDiscoverer discoverer;

	/**
	 * Create the adapter.
	 * @param discoverer finds the services the server will bind
	 * @param boundServices where the started server's services go
	 */
	public DevhGrpcServer(GrpcServiceDiscoverer discoverer, BoundServices boundServices) {
		super(boundServices);
		this.discoverer = discoverer;
	}

	@Override
	public GrpcServerSupport server() {
		return SERVER;
	}

	@Override
	public Set<String> boundServiceNames() {
		return BoundServices.names(this.discoverer.findGrpcServices()
			.stream()
			.map(GrpcServiceDefinition::getDefinition)
			.collect(Collectors.toList()));
	}

	@Override
	protected Server startedServer(GrpcServerStartedEvent event) {
		return event.getServer();
	}

}
