package io.github.healthgrpc.sample;

import java.util.function.ToIntFunction;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Remembers the port the gRPC server actually listens on, which with port {@code 0} only
 * the server knows. Each sample's server announces it with an event of its own.
 *
 * @param <E> the event the sample's gRPC server publishes once it listens
 */
public final class GrpcServerPort<E extends ApplicationEvent> implements GenericApplicationListener {

	private final Class<E> startedEvent;

	private final ToIntFunction<E> boundPort;

	private volatile int port;

	/**
	 * Listen for the server's started event.
	 * @param startedEvent the event the server publishes once it listens
	 * @param boundPort reads the bound port from that event
	 */
	public GrpcServerPort(Class<E> startedEvent, ToIntFunction<E> boundPort) {
		this.startedEvent = startedEvent;
		this.boundPort = boundPort;
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return this.startedEvent.isAssignableFrom(eventType.toClass());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		this.port = this.boundPort.applyAsInt(this.startedEvent.cast(event));
	}

	/**
	 * The port the gRPC server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server has not started yet
	 */
	public int get() {
		int port = this.port;
		if (port <= 0) {
			throw new IllegalStateException("The gRPC server has not started");
		}
		return port;
	}

}
