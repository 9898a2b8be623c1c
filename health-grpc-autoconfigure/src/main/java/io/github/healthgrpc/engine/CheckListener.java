package io.github.healthgrpc.engine;

import org.springframework.boot.health.contributor.Health;

/**
 * Hears what the engine does with each check, for instrumentation such as timers and
 * traces. Unlike a store listener, it is called on the engine's own threads, at the
 * moment things happen, so it must be quick and must not block; an exception it throws is
 * logged once and does not reach the check.
 *
 * @since 0.1.0
 * @see CheckRunner#addListener(CheckListener)
 */
public interface CheckListener {

	/**
	 * A check was added, polled or pushed; it has no result yet.
	 * @param checkName the check's name
	 */
	default void added(String checkName) {
	}

	/**
	 * An evaluation of a polled check starts, on the worker thread that runs it. An
	 * evaluation that could not start within its check's interval (every worker was busy)
	 * never starts, and is not heard of here.
	 * @param checkName the check's name
	 * @return what hears how this evaluation ends
	 */
	default CheckEvaluation evaluationStarted(String checkName) {
		return CheckEvaluation.NONE;
	}

	/**
	 * A result of a check, polled or pushed, was recorded in the store, on the thread
	 * that recorded it.
	 * @param checkName the check's name
	 * @param health the result as the store keeps it: a DOWN one naming the failure in
	 * place of a result that could not be recorded as it was
	 */
	default void recorded(String checkName, Health health) {
	}

	/**
	 * A check was removed; it records nothing more. An evaluation that ended just before
	 * may still report its end after this.
	 * @param checkName the check's name
	 */
	default void removed(String checkName) {
	}

}
