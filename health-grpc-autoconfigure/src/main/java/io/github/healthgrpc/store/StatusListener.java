package io.github.healthgrpc.store;

/**
 * Hears about changes in the status store, never about evaluations that changed nothing.
 *
 * <p>Listeners are called on the thread that made the change, while it holds the store's
 * write lock, so every listener hears the changes in the order they happened. They may
 * read the store (reads take no lock) but must return quickly and must not block: a
 * listener that waits holds up every writer, the checks' results included.
 */
public interface StatusListener {

	/**
	 * The serving status of a service changed, or a service became known.
	 * @param service the service name ({@code ""} for the server overall)
	 * @param status its new status
	 */
	void servingStatusChanged(String service, ServingStatus status);

	/**
	 * The store was closed for shutdown: every service is NOT_SERVING for good.
	 */
	default void storeClosed() {
	}

}
