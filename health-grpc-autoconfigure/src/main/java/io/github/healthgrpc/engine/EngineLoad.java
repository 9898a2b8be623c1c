package io.github.healthgrpc.engine;

/**
 * How the engine keeps up, counted since it started.
 *
 * @param evaluations evaluations started
 * @param lateStarts evaluations that waited longer than their check's interval for a
 * worker thread: the pool is too small for the checks and their intervals
 * @param skippedTicks ticks skipped because the check's previous evaluation had not
 * finished (a slow or hanging check)
 * @param queued evaluations waiting for a worker thread right now; never more than the
 * number of polled checks
 * @param stuck checks right now whose evaluation missed its timeout and has not returned
 * (or whose answer could not be cancelled), or that were added again while the evaluation
 * of the check removed under their name had not; each is busy and DOWN. A removed check
 * is not counted, though its thread stays written off until its evaluation returns
 * @param threadsWrittenOff worker threads written off because their check did not return
 * at its timeout, each replaced while it stayed stuck
 * @since 0.1.0
 */
public record EngineLoad(long evaluations, long lateStarts, long skippedTicks, int queued, int stuck,
		long threadsWrittenOff) {

}
