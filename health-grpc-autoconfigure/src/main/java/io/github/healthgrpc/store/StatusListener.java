package io.github.healthgrpc.store;

/**
 * Hears about changes in the status store, never about evaluations that changed nothing.
 *
 * <p>
 * Listeners are called on a thread of the store's own, never on the thread that made the
 * change (a check's worker or the engine's timer), and never while the store holds a
 * lock: a listener may read the store, write to it (record a result, set a manual check)
 * and take its time. Each listener hears the changes of a service in the order they
 * happened, one call at a time. A listener that falls behind hears the latest status of
 * each service when it is ready again, not every step in between, so it never hears an
 * older status after a newer one and the store never holds a backlog for it. A slow or
 * blocked listener delays only itself; an exception or error it throws is logged and does
 * not keep it, or anyone else, from hearing later changes.
 *
 * @since 0.1.0
 */
public interface StatusListener {

	/**
	 * The serving status of a service changed, or a service became known.
	 * @param service the service name ({@code ""} for the server overall)
	 * @param status its new status
	 */
	void servingStatusChanged(String service, ServingState status);

	/**
	 * The changes heard since the last call are all there is for now: changes that came
	 * together (a check shared by many services) end here, never in the middle. A
	 * listener that does something costly once per change, such as writing a file, does
	 * it here.
	 */
	default void changesHeard() {
	}

	/**
	 * The store was closed for shutdown: every service is NOT_SERVING for good. Heard
	 * after every change that came before it.
	 */
	default void storeClosed() {
	}

}
