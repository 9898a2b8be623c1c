package io.github.healthgrpc.lifecycle;

import io.github.healthgrpc.store.StatusStore;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;

/**
 * Lets services be SERVING only while the application's readiness state is
 * {@link ReadinessState#ACCEPTING_TRAFFIC}: NOT_SERVING during warm-up, and whenever the
 * application refuses traffic.
 */
public class ReadinessListener implements ApplicationListener<AvailabilityChangeEvent<?>> {

	private final StatusStore store;

	/**
	 * Create a listener that drives the given store.
	 * @param store the status store
	 */
	public ReadinessListener(StatusStore store) {
		this.store = store;
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		if (event.getState() instanceof ReadinessState readiness) {
			this.store.setAcceptingTraffic(readiness == ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	/**
	 * Never on an asynchronous multicaster's executor: two readiness changes handled on two
	 * threads could be applied in the wrong order, and a refusal published just before the
	 * context closes could arrive after the server stopped.
	 */
	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
