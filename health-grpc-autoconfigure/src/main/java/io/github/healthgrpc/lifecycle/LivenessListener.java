package io.github.healthgrpc.lifecycle;

import io.github.healthgrpc.store.StatusStore;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationListener;

/**
 * Lets the services that follow liveness be SERVING only while the application's liveness
 * state is {@link LivenessState#CORRECT}. Before the first liveness event the application
 * is not live, as Spring Boot's {@code ApplicationAvailability} reports it
 * {@link LivenessState#BROKEN} until then.
 */
public class LivenessListener implements ApplicationListener<AvailabilityChangeEvent<?>> {

	private final StatusStore store;

	/**
	 * Create a listener that drives the given store.
	 * @param store the status store
	 */
	public LivenessListener(StatusStore store) {
		this.store = store;
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		if (event.getState() instanceof LivenessState liveness) {
			this.store.setLive(liveness == LivenessState.CORRECT);
		}
	}

	/**
	 * Never on an asynchronous multicaster's executor: two liveness changes handled on two
	 * threads could be applied in the wrong order.
	 */
	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
