package io.github.healthgrpc.lifecycle;

import io.github.healthgrpc.store.StatusStore;
import io.grpc.ServerServiceDefinition;
import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes every service bound on the devh gRPC server known to the store when the server
 * starts; services without a mapping of their own follow the overall status.
 */
public class BoundServicesListener implements ApplicationListener<GrpcServerStartedEvent> {

	private final StatusStore store;

	/**
	 * Create a listener that feeds the given store.
	 * @param store the status store
	 */
	public BoundServicesListener(StatusStore store) {
		this.store = store;
	}

	@Override
	public void onApplicationEvent(GrpcServerStartedEvent event) {
		this.store.addServices(event.getServer()
			.getServices()
			.stream()
			.map(ServerServiceDefinition::getServiceDescriptor)
			.map((descriptor) -> descriptor.getName())
			.toList());
	}

}
