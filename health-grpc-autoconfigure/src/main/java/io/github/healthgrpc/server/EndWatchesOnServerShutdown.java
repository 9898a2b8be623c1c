package io.github.healthgrpc.server;

import io.github.healthgrpc.grpc.HealthGrpcService;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends every open Watch call with NOT_SERVING when a gRPC server announces, just before
 * it calls {@code Server.shutdown()}, that it is shutting down. Each adapter subclasses
 * it with its server's shutdown event.
 *
 * <p>
 * On a context close the drain has ended the calls already, so this matters when the
 * context is only stopped ({@code ConfigurableApplicationContext.stop()}, such as before
 * a checkpoint): there is no drain then, the store stays open for a later start, and
 * without this the open calls would hold the server's graceful shutdown for its whole
 * grace period and be cut off instead of told.
 *
 * @param <E> the server's shutdown event
 * @since 0.1.0
 */
public abstract class EndWatchesOnServerShutdown<E extends ApplicationEvent> implements ApplicationListener<E> {

	private final HealthGrpcService healthService;

	/**
	 * Create a listener that ends the given service's Watch calls.
	 * @param healthService the Health service
	 */
	protected EndWatchesOnServerShutdown(HealthGrpcService healthService) {
		this.healthService = healthService;
	}

	@Override
	public void onApplicationEvent(E event) {
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
