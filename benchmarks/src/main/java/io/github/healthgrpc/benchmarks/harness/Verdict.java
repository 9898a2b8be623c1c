package io.github.healthgrpc.benchmarks.harness;

import java.util.Collection;
import java.util.function.DoublePredicate;

import io.github.healthgrpc.benchmarks.report.Spread;

/**
 * A goal's verdict over the rounds: met when even the worst round meets the bound, not
 * met when even the best round misses it, and inconclusive when the rounds' range crosses
 * the bound, so that the noise, not the code, would decide.
 *
 * @since 0.1.0
 */
public enum Verdict {

	/** Every round meets the goal. */
	MET("met"),

	/** No round meets the goal. */
	NOT_MET("**not met**"),

	/** Some rounds meet the goal and some do not. */
	INCONCLUSIVE("**inconclusive**");

	private final String label;

	Verdict(String label) {
		this.label = label;
	}

	/**
	 * How the verdict reads in the report.
	 * @return the label, Markdown
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The verdict on a figure's range over the rounds (or a confidence interval).
	 * @param range the figure over the rounds
	 * @param bound the goal's bound
	 * @param direction whether the figure must be at most or at least the bound
	 * @return met, not met or inconclusive
	 */
	public static Verdict of(Spread range, double bound, Direction direction) {
		return of(range.low(), range.high(), bound, direction);
	}

	/**
	 * The verdict on a range: its best end against the bound and its worst end.
	 * @param low the range's lowest value
	 * @param high the range's highest value
	 * @param bound the goal's bound
	 * @param direction whether the figure must be at most or at least the bound
	 * @return met, not met or inconclusive
	 */
	public static Verdict of(double low, double high, double bound, Direction direction) {
		double best = (direction == Direction.AT_MOST) ? low : high;
		double worst = (direction == Direction.AT_MOST) ? high : low;
		if (direction.meets(worst, bound)) {
			return MET;
		}
		return direction.meets(best, bound) ? INCONCLUSIVE : NOT_MET;
	}

	/**
	 * The verdict on each round's figure against a goal that is no bound (such as
	 * "exactly one"): met when every round meets it, not met when none does.
	 * @param rounds each round's figure
	 * @param meets whether a figure meets the goal
	 * @return met, not met or inconclusive
	 */
	public static Verdict ofEach(Collection<Double> rounds, DoublePredicate meets) {
		long met = rounds.stream().filter(meets::test).count();
		return (met == rounds.size()) ? MET : (met == 0) ? NOT_MET : INCONCLUSIVE;
	}

	/**
	 * Which side of its bound a figure must be.
	 */
	public enum Direction {

		/** The figure must be at most the bound (latency, CPU, memory). */
		AT_MOST,

		/** The figure must be at least the bound (throughput, counts). */
		AT_LEAST;

		boolean meets(double value, double bound) {
			// A figure never measured (NaN) meets no bound.
			return (this == AT_MOST) ? value <= bound : value >= bound;
		}

	}

}
