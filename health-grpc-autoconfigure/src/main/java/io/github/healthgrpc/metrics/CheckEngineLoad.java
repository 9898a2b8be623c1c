package io.github.healthgrpc.metrics;

/**
 * What the check engine has done, as the meters read it: the engine's own counts, handed
 * over by the auto-configuration, so that the metrics depend on nothing but the store.
 *
 * @param evaluations evaluations started
 * @param lateStarts evaluations that waited longer than their interval for a worker
 * thread
 * @param skippedTicks intervals skipped because the check's previous evaluation had not
 * ended
 * @param queued evaluations waiting for a worker thread right now
 * @param stuck checks right now whose evaluation is past its timeout and has not returned
 * @param threadsWrittenOff worker threads written off (and replaced) because their check
 * did not return at its timeout
 * @since 0.1.0
 */
public record CheckEngineLoad(long evaluations, long lateStarts, long skippedTicks, int queued, int stuck,
		long threadsWrittenOff) {

}
