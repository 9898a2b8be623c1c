package io.github.healthgrpc.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts what the engine does and reports overload: when evaluations wait for a worker
 * longer than their interval, checks no longer run on schedule, and the operator must
 * hear it, at most once a minute so the warning itself stays cheap.
 */
final class LoadCounter {

	private static final Log logger = LogFactory.getLog(CheckRunner.class);

	private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final LongAdder evaluations = new LongAdder();

	private final LongAdder lateStarts = new LongAdder();

	private final LongAdder skippedTicks = new LongAdder();

	private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_EVERY_NANOS);

	private final int workerThreads;

	LoadCounter(int workerThreads) {
		this.workerThreads = workerThreads;
	}

	void started(String checkName, long waitedNanos, long intervalNanos) {
		this.evaluations.increment();
		if (waitedNanos > intervalNanos) {
			this.lateStarts.increment();
			reportOverload(checkName, waitedNanos);
		}
	}

	void skipped() {
		this.skippedTicks.increment();
	}

	EngineLoad snapshot(int queued, int stuck, long threadsWrittenOff) {
		return new EngineLoad(this.evaluations.sum(), this.lateStarts.sum(), this.skippedTicks.sum(), queued, stuck,
				threadsWrittenOff);
	}

	private void reportOverload(String checkName, long waitedNanos) {
		long now = System.nanoTime();
		long last = this.lastReport.get();
		if (now - last >= REPORT_EVERY_NANOS && this.lastReport.compareAndSet(last, now)) {
			logger.warn("Health checks are not keeping to their intervals: check '" + checkName + "' waited "
					+ TimeUnit.NANOSECONDS.toMillis(waitedNanos) + "ms for one of the " + this.workerThreads
					+ " worker threads (" + this.lateStarts.sum() + " late starts so far). Raise "
					+ "grpc.health.scheduler.pool-size, lengthen the checks' intervals, or fix checks that hang");
		}
	}

}
