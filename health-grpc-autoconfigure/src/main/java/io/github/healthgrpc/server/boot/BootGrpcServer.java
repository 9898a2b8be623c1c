package io.github.healthgrpc.server.boot;

import java.util.Set;
import java.util.TreeSet;

import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.SupportedGrpcServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * Spring Boot's gRPC server as health-grpc sees it: before the server starts, the
 * services its discoverer finds (Spring Boot binds every {@code BindableService} bean);
 * once a server has started, the services it binds, handed to {@link BoundServices}.
 */
class BootGrpcServer implements GrpcServerAdapter, ApplicationListener<GrpcServerStartedEvent> {

	private final ObjectProvider<GrpcServiceDiscoverer> discoverer;

	private final BoundServices boundServices;

	BootGrpcServer(ObjectProvider<GrpcServiceDiscoverer> discoverer, BoundServices boundServices) {
		this.discoverer = discoverer;
		this.boundServices = boundServices;
	}

	@Override
	public SupportedGrpcServer server() {
		return SupportedGrpcServer.BOOT;
	}

	@Override
	public Set<String> boundServiceNames() {
		GrpcServiceDiscoverer discoverer = this.discoverer.getIfAvailable();
		return (discoverer != null) ? new TreeSet<>(discoverer.listServiceNames()) : Set.of();
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
