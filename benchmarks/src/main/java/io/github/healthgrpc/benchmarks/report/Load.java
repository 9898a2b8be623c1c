package io.github.healthgrpc.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How busy the machine was over a run, against the bounds a run for publication must stay
 * under.
 * <p>
 * The 1-minute load average counts the run's own threads too (a client and a peer keep
 * two cores busy on their own), so it can only bound the machine before the run starts.
 * During the run, what disturbs the figures is the CPU time that processes other than the
 * run's own take (steal time included): that is what the run is judged on, its median
 * over the samples, so that one short burst does not void a run but a build running
 * beside it does.
 *
 * @param atStart the 1-minute load average when the run started
 * @param averages the 1-minute load average sampled during the run (the run's own threads
 * included)
 * @param others the cores that other processes used, one value per sampling period
 * @since 0.1.0
 */
public record Load(double atStart, List<Double> averages, List<Double> others) {

	/**
	 * The highest 1-minute load average at which a run for publication starts (on the
	 * 2-core machine, half its cores).
	 */
	public static final double START_BOUND = 1.0;

	/**
	 * The most cores that other processes may use, median over the run, in a run for
	 * publication (an eighth of the 2-core machine).
	 */
	public static final double OTHERS_BOUND = 0.25;

	/**
	 * Why the run's figures are not for publication, if they are not.
	 * @return what was above its bound, or nothing when the load stayed within the bounds
	 */
	public Optional<String> aboveBound() {
		if (!(this.atStart <= START_BOUND)) {
			return Optional.of(String.format(Locale.ROOT, "load average %.2f at the start, above the bound %.2f",
					this.atStart, START_BOUND));
		}
		Optional<Spread> others = Spread.of(this.others);
		if (others.isEmpty()) {
			return Optional.of("other processes' CPU not measured (no /proc), so the load is unknown");
		}
		if (!(others.get().median() <= OTHERS_BOUND)) {
			return Optional.of(String.format(Locale.ROOT,
					"load %.2f cores of other processes (median during the run), above the bound %.2f",
					others.get().median(), OTHERS_BOUND));
		}
		return Optional.empty();
	}

	/**
	 * The load as the report states it, and whether it was within the bounds.
	 * @return Markdown list items
	 */
	public String describe() {
		return String.format(Locale.ROOT, "- load at the start: %.2f (1-minute load average; bound %.2f)%n",
				this.atStart, START_BOUND) + "- CPU of other processes during the run: " + spread(this.others, "cores")
				+ String.format(Locale.ROOT, " (bound: median %.2f)%n", OTHERS_BOUND)
				+ "- load average during the run, the run's own threads included: " + spread(this.averages, "")
				+ "\n- load within the bounds: " + aboveBound().map((reason) -> "**no**, " + reason).orElse("yes")
				+ "\n";
	}

	private static String spread(List<Double> values, String unit) {
		return Spread.of(values)
			.map((spread) -> String.format(Locale.ROOT, "%.2f%s median, %.2f–%.2f, %d samples every 10 s",
					spread.median(), unit.isEmpty() ? "" : " " + unit, spread.low(), spread.high(), spread.count()))
			.orElse("n/a (no samples)");
	}

}
