package io.github.healthgrpc.lifecycle;

import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;

/**
 * Tells the store the application's availability: services that follow traffic are
 * SERVING only while the readiness state is {@link ReadinessState#ACCEPTING_TRAFFIC}
 * (NOT_SERVING during warm-up, and whenever the application refuses traffic), and those
 * that follow liveness only while the liveness state is {@link LivenessState#CORRECT}.
 * Before its first event each state counts as the worse one, as Spring Boot's
 * {@code ApplicationAvailability} reports it until then.
 *
 * @since 0.1.0
 */
public class AvailabilityListener implements ApplicationListener<AvailabilityChangeEvent<?>> {

	private final StatusStore store;

	/**
	 * Create a listener that drives the given store.
	 * @param store the status store
	 */
	public AvailabilityListener(StatusStore store) {
		this.store = store;
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		if (event.getState() instanceof ReadinessState readiness) {
			this.store.setAcceptingTraffic(readiness == ReadinessState.ACCEPTING_TRAFFIC);
		}
		else if (event.getState() instanceof LivenessState liveness) {
			this.store.setLive(liveness == LivenessState.CORRECT);
		}
	}

	/**
	 * Never on an asynchronous multicaster's executor: two changes handled on two threads
	 * could be applied in the wrong order, and a refusal published just before the
	 * context closes could arrive after the server stopped.
	 */
	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
