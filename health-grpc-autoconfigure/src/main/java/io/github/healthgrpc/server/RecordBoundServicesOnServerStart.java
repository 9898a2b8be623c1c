package io.github.healthgrpc.server;

import io.grpc.Server;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Hands the services a gRPC server binds to {@link BoundServices} when the server
 * announces that it has started. Each adapter subclasses it with its server's started
 * event.
 *
 * @param <E> the server's started event
 * @since 0.1.0
 */
public abstract class RecordBoundServicesOnServerStart<E extends ApplicationEvent> implements ApplicationListener<E> {

	private final BoundServices boundServices;

	/**
	 * Create a listener that feeds the given bound services.
	 * @param boundServices where the started server's services go
	 */
	protected RecordBoundServicesOnServerStart(BoundServices boundServices) {
		this.boundServices = boundServices;
	}

	@Override
	public void onApplicationEvent(E event) {
		this.boundServices.serverStarted(startedServer(event).getServices());
	}

	/**
	 * The server that the event announces.
	 * @param event the server's started event
	 * @return the started server
	 */
	protected abstract Server startedServer(E event);

	/**
	 * Never on an asynchronous multicaster's executor, so that the bound services are
	 * known by the time the server's start has been announced.
	 */
	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
