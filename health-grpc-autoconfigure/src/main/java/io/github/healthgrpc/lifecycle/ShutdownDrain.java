package io.github.healthgrpc.lifecycle;

import java.time.Duration;

import io.github.healthgrpc.store.StatusStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Drains health before the gRPC server stops: every service turns NOT_SERVING (watchers
 * hear it at once), the drain delay gives load balancers and probes time to notice, then
 * the store closes so every Watch call completes and the server's graceful shutdown is
 * never held up by a watcher. An application that never served skips the delay.
 *
 * <p>It runs on {@link ContextClosedEvent}, which Spring publishes before it stops any
 * lifecycle bean; both supported gRPC servers stop in the very first lifecycle phase, so a
 * lifecycle bean could not come before it.
 */
public class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

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
		this.store.setAcceptingTraffic(false);
		if (!this.store.hasEverServed()) {
			// No client was ever told SERVING, so none needs time to move away.
			this.store.close();
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
			this.store.close();
		}
	}

}
