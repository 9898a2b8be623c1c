package io.github.healthgrpc.lifecycle;

import java.time.Duration;
import java.util.List;

import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Drains health before the gRPC server stops: every service turns NOT_SERVING for good
 * (watchers hear it at once, and nothing can turn a service SERVING again), the drain
 * delay gives load balancers and probes time to notice, then the store closes so every
 * Watch call completes and the server's graceful shutdown is not held up by a watcher.
 * An application that never served skips the delay.
 *
 * <p>It runs on {@link ContextClosedEvent}, which Spring publishes before it stops any
 * lifecycle bean; both supported gRPC servers stop in the very first lifecycle phase, so a
 * lifecycle bean could not come before it. It runs on the thread that closes the context
 * even when the application multicasts events asynchronously: run elsewhere, the context
 * would stop the server while the drain had barely begun.
 */
public class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

	/**
	 * How long the drain waits, once the store is closed, for the listeners (the Watch
	 * calls among them) to hear it before it lets the server stop.
	 */
	static final Duration LISTENER_GRACE = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

	private final StatusStore store;

	private final ApplicationContext context;

	private final Duration drainDelay;

	/**
	 * Create a drain for the given context.
	 * @param store the status store
	 * @param context the context whose closing starts the drain (not its children's)
	 * @param drainDelay how long services stay NOT_SERVING before Watch calls complete
	 */
	public ShutdownDrain(StatusStore store, ApplicationContext context, Duration drainDelay) {
		this.store = store;
		this.context = context;
		this.drainDelay = drainDelay;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context || this.store.isClosed()) {
			return;
		}
		this.store.drain();
		if (!this.store.hasEverServed()) {
			// No client was ever told SERVING, so none needs time to move away.
			close();
			return;
		}
		logger.info("gRPC health is NOT_SERVING; draining for " + this.drainDelay + " before the server stops");
		try {
			// The drain delay is the point: time for clients to see NOT_SERVING and move away.
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

	private void close() {
		this.store.close();
		List<StatusListener> behind = this.store.awaitListeners(LISTENER_GRACE);
		if (!behind.isEmpty()) {
			logger.warn("Status listeners " + behind + " had not heard that gRPC health closed " + LISTENER_GRACE
					+ " after it did; the server stops without waiting for them");
		}
	}

}
