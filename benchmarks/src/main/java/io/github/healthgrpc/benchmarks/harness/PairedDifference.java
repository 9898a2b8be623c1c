package io.github.healthgrpc.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median of paired differences (a start with the starter minus the start without it
 * just before or after) with a distribution-free confidence interval from the sign test:
 * between the k-th smallest and the k-th largest difference, k as large as a confidence
 * of {@value #TARGET} allows. Too few pairs for that give the widest interval (smallest
 * to largest) and say how confident it is.
 *
 * @param median the median difference
 * @param low the interval's lower end
 * @param high the interval's upper end
 * @param confidence how sure the interval is to hold the true median difference
 * @param pairs how many pairs
 */
record PairedDifference(double median, double low, double high, double confidence, int pairs) {

	static final double TARGET = 0.90;

	/**
	 * Differences {@code with[i] - without[i]}, over the pairs both lists have.
	 */
	static PairedDifference of(List<Double> with, List<Double> without) {
		return of(differences(with, without, false));
	}

	/**
	 * Relative differences {@code (with[i] - without[i]) / without[i]}.
	 */
	static PairedDifference relative(List<Double> with, List<Double> without) {
		return of(differences(with, without, true));
	}

	private static double[] differences(List<Double> with, List<Double> without, boolean relative) {
		int pairs = Math.min(with.size(), without.size());
		List<Double> differences = new ArrayList<>(pairs);
		for (int i = 0; i < pairs; i++) {
			double difference = with.get(i) - without.get(i);
			differences.add(relative ? difference / without.get(i) : difference);
		}
		return differences.stream().mapToDouble(Double::doubleValue).toArray();
	}

	static PairedDifference of(double[] differences) {
		double[] sorted = differences.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		if (n == 0) {
			return new PairedDifference(Double.NaN, Double.NaN, Double.NaN, 0, 0);
		}
		double median = (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
		int k = 1;
		while (k + 1 <= (n + 1) / 2 && confidence(n, k + 1) >= TARGET) {
			k++;
		}
		return new PairedDifference(median, sorted[k - 1], sorted[n - k], confidence(n, k), n);
	}

	/**
	 * The confidence of the interval from the k-th smallest to the k-th largest of n
	 * differences: the chance that fewer than k of them fall on one side of the median.
	 */
	static double confidence(int n, int k) {
		double tail = 0;
		double choose = 1;
		for (int i = 0; i < k; i++) {
			tail += choose;
			choose = choose * (n - i) / (i + 1);
		}
		return Math.max(0, 1 - 2 * tail / Math.pow(2, n));
	}

	/**
	 * Judge an upper bound on the difference: met when the whole interval is under it,
	 * not met when the whole interval is at or over it, inconclusive when it crosses it.
	 */
	Verdict under(double bound) {
		if (this.pairs == 0) {
			return Verdict.INCONCLUSIVE;
		}
		// Strictly under: a goal "under 250" is not met by an interval that starts at
		// 250.
		if (this.high < bound) {
			return Verdict.MET;
		}
		return (this.low >= bound) ? Verdict.NOT_MET : Verdict.INCONCLUSIVE;
	}

}
