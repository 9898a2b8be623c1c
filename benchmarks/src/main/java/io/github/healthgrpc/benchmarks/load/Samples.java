package io.github.healthgrpc.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;

/**
 * The values of one measurement within a round, reported as one of their percentiles.
 */
final class Samples implements DoubleConsumer {

	private final List<Double> values = new ArrayList<>();

	@Override
	public void accept(double value) {
		this.values.add(value);
	}

	double percentile(double percent) {
		return Figures.percentile(sorted(), percent);
	}

	double[] sorted() {
		return this.values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
	}

	void report(PeerTarget target, Metric metric, double percent) {
		target.add(metric, percentile(percent));
	}

	/**
	 * Report the worst value, and keep every value behind it, so that the worst case can
	 * be judged over all rounds.
	 */
	void reportWorst(PeerTarget target, Metric metric) {
		report(target, metric, 100);
		target.figures().addSamples(target.peer(), metric, sorted());
	}

}
