package io.github.healthgrpc.server.boot;

import java.util.Set;
import java.util.TreeSet;

import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerSupport;
import io.github.healthgrpc.server.RecordBoundServicesOnServerStart;
import io.grpc.Server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * Spring Boot's gRPC server as health-grpc sees it: before the server starts, the
 * services its discoverer finds (Spring Boot binds every {@code BindableService} bean);
 * once a server has started, the services it binds, handed to {@link BoundServices}.
 *
 * @since 0.1.0
 */
public class BootGrpcServer extends RecordBoundServicesOnServerStart<GrpcServerStartedEvent>
		implements GrpcServerAdapter {

	private static final GrpcServerSupport SERVER = new BootGrpcServerSupport();

	private final ObjectProvider<GrpcServiceDiscoverer> discoverer;

	/**
	 * Create the adapter.
	 * @param discoverer finds the services the server will bind
	 * @param boundServices where the started server's services go
	 */
	public BootGrpcServer(ObjectProvider<GrpcServiceDiscoverer> discoverer, BoundServices boundServices) {
		super(boundServices);
		this.discoverer = discoverer;
	}

	@Override
	public GrpcServerSupport server() {
		return SERVER;
	}

	@Override
	public Set<String> boundServiceNames() {
		GrpcServiceDiscoverer discoverer = this.discoverer.getIfAvailable();
		return (discoverer != null) ? new TreeSet<>(discoverer.listServiceNames()) : Set.of();
	}

	@Override
	protected Server startedServer(GrpcServerStartedEvent event) {
		return event.getServer();
	}

}
