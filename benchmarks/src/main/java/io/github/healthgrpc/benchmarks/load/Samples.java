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
		return Figures.percentile(this.values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), percent);
	}

	void report(PeerTarget target, Metric metric, double percent) {
		target.add(metric, percentile(percent));
	}

}
