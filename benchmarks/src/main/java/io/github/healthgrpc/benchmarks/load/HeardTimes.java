package io.github.healthgrpc.benchmarks.load;

import java.util.Arrays;

import io.github.healthgrpc.benchmarks.report.Figures;

/**
 * When every watcher of a crowd heard one change, as its lowest, median, 99th percentile
 * and highest time, and the spread from the first to the last. A watcher that never heard
 * it counts as never (an infinite time), so that the slowest are never dropped.
 *
 * @param p0 the first watcher to hear it
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param max the last watcher to hear it
 */
record HeardTimes(double p0, double p50, double p99, double max) {

	/**
	 * The times of a crowd.
	 * @param heard milliseconds to each watcher that heard the change, sorted
	 * @param size how many watchers the crowd has
	 */
	static HeardTimes of(double[] heard, int size) {
		double[] all = Arrays.copyOf(heard, Math.max(size, heard.length));
		Arrays.fill(all, heard.length, all.length, Double.POSITIVE_INFINITY);
		return new HeardTimes(Figures.percentile(all, 0), Figures.percentile(all, 50), Figures.percentile(all, 99),
				Figures.percentile(all, 100));
	}

	/**
	 * From the first watcher to hear it to the last.
	 */
	double spread() {
		return this.max - this.p0;
	}

}
