package io.github.healthgrpc.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

import io.github.healthgrpc.benchmarks.harness.Verdict.Direction;
import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.benchmarks.report.ChainMetric;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.github.healthgrpc.benchmarks.report.Spread;
import io.github.healthgrpc.benchmarks.report.Table;
import io.github.healthgrpc.benchmarks.report.Variant;

/**
 * The goals, each judged over the rounds: met (every round meets it), not met
 * (none does), inconclusive (the rounds' range crosses the bound), or not measured. A
 * comparison of two peers is judged on its per-round ratios, both peers measured in the
 * same round; a goal judged on one round says so.
 */
public final class Goals {

	private final Figures figures;

	private final ChainFigures chain;

	private final List<String> lines = new ArrayList<>();

	private Goals(Figures figures, ChainFigures chain) {
		this.figures = figures;
		this.chain = chain;
	}

	static String judge(Figures figures, ChainFigures chain) {
		Goals goals = new Goals(figures, chain);
		for (Peer ours : List.of(Peer.HEALTH_GRPC_DEVH, Peer.HEALTH_GRPC_BOOT)) {
			Peer theirs = (ours == Peer.HEALTH_GRPC_DEVH) ? Peer.DEVH : Peer.BOOT;
			for (Metric rate : List.of(Metric.CHECK_16_RATE, Metric.CHECK_64_RATE)) {
				goals.ratio(ours, theirs, rate, 0.95, true);
				goals.ratio(ours, Peer.BARE, rate, 0.90, true);
			}
			for (Metric cpu : List.of(Metric.CHECK_16_CPU, Metric.CHECK_64_CPU)) {
				goals.ratio(ours, theirs, cpu, 1.05, false);
				goals.ratio(ours, Peer.BARE, cpu, 1.10, false);
			}
			goals.worst(ours, Metric.TCP_FRESH_MAX, 1500, "one interval plus timeout (1,500 ms)");
			goals.worst(ours, Metric.TCP_HANG_MAX, 1500, "one interval plus timeout (1,500 ms)");
			goals.bound(ours, Metric.MANUAL_P99, 5, "5 ms");
			goals.bound(ours, Metric.FANOUT_1K_SPREAD, 100, "100 ms");
			goals.bound(ours, Metric.FANOUT_10K_SPREAD, 100, "100 ms");
			goals.bound(ours, Metric.FANOUT_1K_HEAP, 4096, "4 KB");
			goals.bound(ours, Metric.FANOUT_10K_HEAP, 4096, "4 KB");
			goals.bound(ours, Metric.FANOUT_SOLO_SPREAD, 100, "100 ms");
			goals.bound(ours, Metric.FANOUT_SOLO_HEAP, 4096, "4 KB");
			goals.atLeast(ours, Metric.SIGTERM_TOLD, Plan.SIGTERM_WATCHERS);
			goals.bound(ours, Metric.SIGTERM_TOLD_P99, 50, "50 ms");
			goals.atLeast(ours, Metric.SIGTERM_COMPLETED, Plan.SIGTERM_WATCHERS);
			goals.bound(ours, Metric.SIGTERM_EXIT, Peer.DRAIN_MILLIS + 1000, "drain delay + 1 s");
			goals.scheduledRuns(ours);
			goals.startup(ours, theirs);
			goals.chain(ours, ChainMetric.HOP_P99, (value) -> value <= 50, "at most 50 ms");
			goals.chain(ours, ChainMetric.SECOND_HOP_P99, (value) -> value <= 50, "at most 50 ms");
			goals.chain(ours, ChainMetric.CHAIN_P99, (value) -> value <= 150, "at most 150 ms");
			goals.chain(ours, ChainMetric.UPSTREAM_CHECKS, (value) -> value == 0, "none");
			goals.chain(ours, ChainMetric.UPSTREAM_WATCHES_OPEN, (value) -> value == 1, "one per upstream check");
		}
		// Issue 19, "Check at least on par": the same work on both sides, Health calls
		// through the server's interceptors and observations.
		for (Peer instrumented : List.of(Peer.HEALTH_GRPC_DEVH_INSTRUMENTED, Peer.HEALTH_GRPC_BOOT_INSTRUMENTED)) {
			for (Metric rate : List.of(Metric.CHECK_16_RATE, Metric.CHECK_64_RATE)) {
				goals.ratio(instrumented, instrumented.own(), rate, 0.95, true);
			}
			for (Metric cpu : List.of(Metric.CHECK_16_CPU, Metric.CHECK_64_CPU)) {
				goals.ratio(instrumented, instrumented.own(), cpu, 1.05, false);
			}
		}
		return String.join("\n", goals.lines) + "\n";
	}

	private void ratio(Peer ours, Peer theirs, Metric metric, double limit, boolean atLeast) {
		// Per-round ratios: both peers ran in the same round, under the same noise.
		Direction direction = atLeast ? Direction.AT_LEAST : Direction.AT_MOST;
		Spread.of(this.figures.perRound(ours, metric, theirs, metric, (a, b) -> a / b).values())
			.ifPresent((ratios) -> line(Verdict.of(ratios, limit, direction), ours,
					metric.label() + ": ×" + Table.number(ratios.median()) + " of " + theirs.label() + " ("
							+ (atLeast ? "at least ×" : "at most ×") + limit + ")" + over(ratios, "×")));
	}

	private void bound(Peer ours, Metric metric, double limit, String goal) {
		Spread.of(this.figures.perRound(ours, metric).values())
			.ifPresent((value) -> line(Verdict.of(value, limit, Direction.AT_MOST), ours,
					metric.label() + ": " + Table.number(value.median()) + " " + metric.unit() + " (goal: at most "
							+ goal + ")" + over(value, "")));
	}

	// Issue 19, measures: a worst case judged on every sample of every round.
	private void worst(Peer ours, Metric metric, double limit, String goal) {
		double[] samples = this.figures.samples(ours, metric);
		if (samples.length > 0) {
			double worst = samples[samples.length - 1];
			line((worst <= limit) ? Verdict.MET : Verdict.NOT_MET, ours, metric.label() + " of all " + samples.length
					+ " changes: " + Table.number(worst) + " " + metric.unit() + " (goal: at most " + goal + ")");
		}
	}

	private void chain(Peer ours, ChainMetric metric, DoublePredicate met, String goal) {
		List<Double> rounds = this.chain.of(ours, Variant.PUSHED, metric);
		Spread.of(rounds)
			.ifPresent((value) -> line(Verdict.ofEach(rounds, met), ours,
					Variant.PUSHED.label() + ", " + metric.label() + ": " + Table.number(value.median()) + " "
							+ metric.unit() + " (goal: " + goal + ")" + over(value, "")));
	}

	private void atLeast(Peer ours, Metric metric, double limit) {
		Spread.of(this.figures.perRound(ours, metric).values())
			.ifPresent((value) -> line(Verdict.of(value, limit, Direction.AT_LEAST), ours, metric.label() + ": "
					+ Table.number(value.median()) + " of " + Table.number(limit) + over(value, "")));
	}

	private void scheduledRuns(Peer ours) {
		// Each round's runs against that round's schedule.
		Spread
			.of(this.figures.perRound(ours, Metric.LOAD_PRICING_RUNS, ours, Metric.LOAD_PRICING_SCHEDULED,
					(runs, scheduled) -> Math.abs(runs - scheduled))
				.values())
			.ifPresent((off) -> line(Verdict.of(off, 1, Direction.AT_MOST), ours,
					"pricing checks during the paced load: " + Table.number(off.median())
							+ " off the schedule (goal: at most 1, the scheduled ones, none per call)"
							+ over(off, "")));
	}

	/**
	 * The starter's cost to start, judged on the starts paired with the same application
	 * without it: the median difference and its confidence interval against the bound.
	 */
	private void startup(Peer ours, Peer theirs) {
		paired(ours, theirs, Metric.STARTUP_CONTEXT, false, 50, "under 50 ms");
		paired(ours, theirs, Metric.STARTUP_CPU, true, 0.05, "under 5 % of " + theirs.label() + "'s");
		paired(ours, theirs, Metric.STARTUP_CLASSES, false, 250, "under 250");
	}

	private void paired(Peer ours, Peer theirs, Metric metric, boolean relative, double bound, String goal) {
		List<Double> with = this.figures.of(ours, metric);
		List<Double> without = this.figures.of(theirs, metric);
		if (with.isEmpty() || without.isEmpty()) {
			return;
		}
		PairedDifference added = relative ? PairedDifference.relative(with, without)
				: PairedDifference.of(with, without);
		String scale = relative ? " %" : " " + metric.unit();
		double factor = relative ? 100 : 1;
		line(added.under(bound), ours,
				metric.label() + " added by the starter: " + Table.number(added.median() * factor) + scale
						+ " (median of " + added.pairs() + " interleaved pairs, " + Math.round(added.confidence() * 100)
						+ " % interval " + Table.number(added.low() * factor) + " to "
						+ Table.number(added.high() * factor) + scale + "; goal: " + goal + ")");
	}

	/**
	 * The figure's range over the rounds, or that one round is all it had (whose verdict
	 * noise could have decided).
	 */
	static String over(Spread spread, String prefix) {
		return spread.single() ? "; one round" : "; " + prefix + Table.number(spread.low()) + "–" + prefix
				+ Table.number(spread.high()) + " over " + spread.count() + " rounds";
	}

	private void line(Verdict verdict, Peer ours, String text) {
		this.lines.add("- " + verdict.label() + ": " + ours.label() + ", " + text);
	}

}
