package io.github.healthgrpc.benchmarks.report;

import java.util.Collection;
import java.util.Optional;

/**
 * A figure over the rounds: its median and its range (lowest–highest), and how many
 * rounds (or samples) it comes from.
 *
 * @param low the lowest value
 * @param median the median
 * @param high the highest value
 * @param count how many values
 * @since 0.1.0
 */
public record Spread(double low, double median, double high, int count) {

	/**
	 * The spread of some values, none if there are none.
	 * @param values the values, in any order
	 * @return their spread
	 */
	public static Optional<Spread> of(Collection<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return Optional.empty();
		}
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return Optional.of(new Spread(sorted[0], median, sorted[sorted.length - 1], sorted.length));
	}

	/**
	 * Whether the figure comes from one value alone, so that its spread is unknown.
	 * @return whether there is one value
	 */
	public boolean single() {
		return this.count == 1;
	}

}
