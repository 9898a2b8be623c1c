package io.github.healthgrpc.engine;

/**
 * How an evaluation of a polled check ended.
 *
 * @since 0.1.0
 */
public enum EvaluationOutcome {

	/**
	 * The check answered, with status UP.
	 */
	UP,

	/**
	 * The check answered with any other status (DOWN, OUT_OF_SERVICE, UNKNOWN or a custom
	 * one): it ran and reports its dependency unhealthy.
	 */
	DOWN,

	/**
	 * The check did not answer within its timeout; it is recorded DOWN.
	 */
	TIMEOUT,

	/**
	 * The check threw, its answer completed exceptionally, or it returned no result; it
	 * is recorded DOWN with the failure in its details.
	 */
	ERROR,

	/**
	 * The check was removed, or the engine closed, while the evaluation ran: nothing is
	 * recorded.
	 */
	ABANDONED

}
