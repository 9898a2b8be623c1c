package io.github.healthgrpc.source;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.context.ApplicationListener;

/**
 * Tells subscribers about every {@link AvailabilityChangeEvent}, so checks that report
 * the application's availability are re-evaluated the moment it changes instead of on an
 * interval.
 *
 * <p>
 * Spring calls listeners that are not ordered in the order they were created. This
 * listener must be created after the application's
 * {@link org.springframework.boot.availability.ApplicationAvailability} bean, which
 * records each change, or subscribers would read the state before the change.
 *
 * @since 0.1.0
 */
public final class AvailabilityChanges implements ApplicationListener<AvailabilityChangeEvent<?>> {

	private static final Log logger = LogFactory.getLog(AvailabilityChanges.class);

	private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();

	/**
	 * Run the given callback on every availability change from now on.
	 * @param subscriber the callback
	 */
	public void subscribe(Runnable subscriber) {
		this.subscribers.add(subscriber);
	}

	/**
	 * Stop running the given callback, or one equal to it.
	 * @param subscriber the callback
	 */
	public void unsubscribe(Runnable subscriber) {
		this.subscribers.remove(subscriber);
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		for (Runnable subscriber : this.subscribers) {
			// The event's publisher must not fail because a health check did.
			try {
				subscriber.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not re-evaluate an availability check after " + event.getState(), ex);
			}
		}
	}

}
