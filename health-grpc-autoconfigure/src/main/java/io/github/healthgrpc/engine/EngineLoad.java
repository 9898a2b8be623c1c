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
 */
public record EngineLoad(long evaluations, long lateStarts, long skippedTicks, int queued) {

}
