package io.github.healthgrpc.server;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import io.github.healthgrpc.store.StatusStore;
import io.grpc.ServerServiceDefinition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Makes every service a started gRPC server binds known to the store; services without a
 * mapping of their own follow the overall status. A service mapped in
 * {@code grpc.health.services} that the server does not bind is most likely a
 * misspelling, so it is logged; the built-in probe services are bound by no server and
 * are not. Server adapters call it when their server has started.
 *
 * @since 0.1.0
 */
public class BoundServices {

	private static final Log logger = LogFactory.getLog(BoundServices.class);

	private final StatusStore store;

	private final Set<String> mapped;

	/**
	 * Create an instance that feeds the given store.
	 * @param store the status store
	 * @param mapped the services mapped in {@code grpc.health.services}
	 */
	public BoundServices(StatusStore store, Set<String> mapped) {
		this.store = store;
		this.mapped = Set.copyOf(mapped);
	}

	/**
	 * Record the services of a server that has just started.
	 * @param services the service definitions the server binds
	 */
	public void serverStarted(Collection<ServerServiceDefinition> services) {
		Set<String> bound = names(services);
		Set<String> mappedButNotBound = new TreeSet<>(this.mapped);
		mappedButNotBound.removeAll(bound);
		for (String service : mappedButNotBound) {
			logger.warn("grpc.health.services[" + service
					+ "] maps a service the gRPC server does not bind; clients can still ask for it, but check the "
					+ "spelling. Bound services: " + bound);
		}
		this.store.addServices(bound);
	}

	/**
	 * The fully qualified names of the given services, in order.
	 * @param services service definitions, bound or about to be
	 * @return their names
	 */
	public static Set<String> names(Collection<ServerServiceDefinition> services) {
		Set<String> names = new TreeSet<>();
		for (ServerServiceDefinition service : services) {
			names.add(service.getServiceDescriptor().getName());
		}
		return names;
	}

}
