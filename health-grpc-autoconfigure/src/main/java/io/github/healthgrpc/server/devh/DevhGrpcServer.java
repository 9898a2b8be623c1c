package io.github.healthgrpc.server.devh;

import java.util.Set;
import java.util.stream.Collectors;

import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.SupportedGrpcServer;
import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;
import net.devh.boot.grpc.server.service.GrpcServiceDefinition;
import net.devh.boot.grpc.server.service.GrpcServiceDiscoverer;
import org.springframework.context.ApplicationListener;

/**
 * devh's gRPC server as health-grpc sees it: before the server starts, the services its
 * discoverer finds; once it has started, the services it binds, handed to
 * {@link BoundServices}.
 */
class DevhGrpcServer implements GrpcServerAdapter, ApplicationListener<GrpcServerStartedEvent> {

	private final GrpcServiceDiscoverer discoverer;

	private final BoundServices boundServices;

	DevhGrpcServer(GrpcServiceDiscoverer discoverer, BoundServices boundServices) {
		this.discoverer = discoverer;
		this.boundServices = boundServices;
	}

	@Override
	public SupportedGrpcServer server() {
		return SupportedGrpcServer.DEVH;
	}

	@Override
	public Set<String> boundServiceNames() {
		return BoundServices.names(this.discoverer.findGrpcServices()
			.stream()
			.map(GrpcServiceDefinition::getDefinition)
			.collect(Collectors.toList()));
	}

	@Override
	public void onApplicationEvent(GrpcServerStartedEvent event) {
		this.boundServices.serverStarted(event.getServer().getServices());
	}

	/**
	 * Never on an asynchronous multicaster's executor, so that the bound services are
	 * known by the time the server's start has been announced.
	 */
	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
