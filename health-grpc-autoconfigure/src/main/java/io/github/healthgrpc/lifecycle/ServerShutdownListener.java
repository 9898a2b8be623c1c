package io.github.healthgrpc.lifecycle;

import io.github.healthgrpc.grpc.HealthGrpcService;
import net.devh.boot.grpc.server.event.GrpcServerShutdownEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends every open Watch call with NOT_SERVING just before the devh gRPC server shuts down,
 * which devh announces before it calls {@code Server.shutdown()}.
 *
 * <p>On a context close the drain has ended them already, so this matters when the
 * context is only stopped ({@code ConfigurableApplicationContext.stop()}, such as before
 * a checkpoint): there is no drain then, the store stays open for a later start, and
 * without this the open calls would hold the server's graceful shutdown for its whole
 * grace period and be cut off instead of told.
 */
public class ServerShutdownListener implements ApplicationListener<GrpcServerShutdownEvent> {

	private final HealthGrpcService healthService;

	/**
	 * Create a listener that ends the given service's Watch calls.
	 * @param healthService the Health service
	 */
	public ServerShutdownListener(HealthGrpcService healthService) {
		this.healthService = healthService;
	}

	@Override
	public void onApplicationEvent(GrpcServerShutdownEvent event) {
		this.healthService.endWatches();
	}

	/**
	 * Never on an asynchronous multicaster's executor: the calls must have ended before
	 * the server's graceful shutdown begins to wait for them.
	 */
	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
