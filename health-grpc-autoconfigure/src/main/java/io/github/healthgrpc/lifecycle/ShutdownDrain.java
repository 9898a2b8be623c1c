package io.github.healthgrpc.lifecycle;

import java.time.Duration;
import java.util.List;

import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextStartedEvent;
import org.springframework.context.event.ContextStoppedEvent;

/**
 * Drains health before the gRPC server stops: every service that follows traffic turns
 * NOT_SERVING for good (watchers hear it at once, and nothing can turn a service SERVING
 * again), the drain delay gives load balancers and probes time to notice, then the store
 * closes so every Watch call completes and the server's graceful shutdown is not held up
 * by a watcher. An application that never served skips the delay. The liveness service
 * stays SERVING throughout: the process is alive, and a restart now would cut the drain.
 *
 * <p>
 * When the drain begins, the application's readiness turns
 * {@link ReadinessState#REFUSING_TRAFFIC} too, published as Spring Boot's availability
 * event unless it already is (a servlet web application publishes it itself before the
 * context closes), so {@code /actuator/health/readiness} agrees with gRPC. The event
 * comes back to health-grpc's own readiness listener, and changes nothing there: the
 * store is draining already, and a drain cannot be undone or repeated.
 *
 * <p>
 * It runs on {@link ContextClosedEvent}, which Spring publishes before it stops any
 * lifecycle bean; both supported gRPC servers stop in the very first lifecycle phase, so
 * a lifecycle bean could not come before it. It runs on the thread that closes the
 * context even when the application multicasts events asynchronously: run elsewhere, the
 * context would stop the server while the drain had barely begun.
 *
 * <p>
 * A context that was stopped ({@code ConfigurableApplicationContext.stop()}) and is then
 * closed skips the delay: its servers stopped with it and completed every Watch call, so
 * no client is left to hear the drain, and waiting would only hold the close. A context
 * started again drains as usual.
 *
 * @since 0.1.0
 */
public class ShutdownDrain implements ApplicationListener<ApplicationContextEvent> {

	/**
	 * How long the drain waits, once the store is closed, for the listeners (the Watch
	 * calls among them) to hear it before it lets the server stop.
	 */
	static final Duration LISTENER_GRACE = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

	private final StatusStore store;

	private final ApplicationContext context;

	private final Duration drainDelay;

	private final @Nullable ApplicationAvailability availability;

	private volatile boolean stopped;

	/**
	 * Create a drain for the given context that leaves the readiness state alone.
	 * @param store the status store
	 * @param context the context whose closing starts the drain (not its children's)
	 * @param drainDelay how long services stay NOT_SERVING before Watch calls complete
	 */
	public ShutdownDrain(StatusStore store, ApplicationContext context, Duration drainDelay) {
		this(store, context, drainDelay, null);
	}

	/**
	 * Create a drain for the given context.
	 * @param store the status store
	 * @param context the context whose closing starts the drain (not its children's)
	 * @param drainDelay how long services stay NOT_SERVING before Watch calls complete
	 * @param availability the application's availability, whose readiness turns
	 * {@link ReadinessState#REFUSING_TRAFFIC} when the drain begins; {@code null} to
	 * leave it alone
	 */
	public ShutdownDrain(StatusStore store, ApplicationContext context, Duration drainDelay,
			@Nullable ApplicationAvailability availability) {
		this.store = store;
		this.context = context;
		this.drainDelay = drainDelay;
		this.availability = availability;
	}

	@Override
	public void onApplicationEvent(ApplicationContextEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		if (event instanceof ContextStoppedEvent) {
			this.stopped = true;
		}
		else if (event instanceof ContextStartedEvent) {
			this.stopped = false;
		}
		else if (event instanceof ContextClosedEvent) {
			drain();
		}
	}

	private void drain() {
		if (this.store.isClosed()) {
			return;
		}
		this.store.drain();
		refuseTraffic();
		if (!this.store.hasEverServed() || this.stopped) {
			// No client was ever told SERVING, or none is connected any more (the servers
			// stopped with the context): none needs time to move away.
			close();
			return;
		}
		logger.info("gRPC health is NOT_SERVING; draining for " + this.drainDelay + " before the server stops");
		try {
			// The drain delay is the point: time for clients to see NOT_SERVING and move
			// away.
			Thread.sleep(this.drainDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			close();
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

	private void refuseTraffic() {
		if (this.availability != null && this.availability.getReadinessState() != ReadinessState.REFUSING_TRAFFIC) {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		}
	}

	private void close() {
		this.store.close();
		List<StatusListener> behind = this.store.awaitListeners(LISTENER_GRACE);
		if (!behind.isEmpty()) {
			logger.warn("Status listeners " + behind + " had not heard that gRPC health closed " + LISTENER_GRACE
					+ " after it did; the server stops without waiting for them");
		}
	}

}
