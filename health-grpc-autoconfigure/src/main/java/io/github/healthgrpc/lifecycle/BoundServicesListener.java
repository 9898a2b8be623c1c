package io.github.healthgrpc.lifecycle;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.healthgrpc.store.StatusStore;
import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationListener;

/**
 * Makes every service bound on the devh gRPC server known to the store when the server
 * starts; services without a mapping of their own follow the overall status. A mapped
 * service that the server does not bind is most likely a misspelling, so it is logged.
 */
public class BoundServicesListener implements ApplicationListener<GrpcServerStartedEvent> {

	private static final Log logger = LogFactory.getLog(BoundServicesListener.class);

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
		Set<String> bound = event.getServer()
			.getServices()
			.stream()
			.map((service) -> service.getServiceDescriptor().getName())
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> mappedButNotBound = new TreeSet<>(this.store.statuses().keySet());
		mappedButNotBound.removeAll(bound);
		mappedButNotBound.remove(StatusStore.OVERALL);
		mappedButNotBound.forEach((service) -> logger.warn("grpc.health.services[" + service
				+ "] maps a service the gRPC server does not bind; clients can still ask for it, but check the "
				+ "spelling. Bound services: " + bound));
		this.store.addServices(bound);
	}

	/**
	 * Never on an asynchronous multicaster's executor, so the bound services are known by
	 * the time the server's start has been announced.
	 */
	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
