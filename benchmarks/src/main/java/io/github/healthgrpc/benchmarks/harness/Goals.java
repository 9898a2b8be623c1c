package io.github.healthgrpc.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.benchmarks.report.ChainMetric;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.github.healthgrpc.benchmarks.report.Table;
import io.github.healthgrpc.benchmarks.report.Variant;

/**
 * The goals, each judged on the medians: met, not met, or not measured.
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
		return String.join("\n", goals.lines) + "\n";
	}

	private void ratio(Peer ours, Peer theirs, Metric metric, double limit, boolean atLeast) {
		OptionalDouble a = this.figures.median(ours, metric);
		OptionalDouble b = this.figures.median(theirs, metric);
		if (a.isEmpty() || b.isEmpty()) {
			return;
		}
		double ratio = a.getAsDouble() / b.getAsDouble();
		boolean met = atLeast ? ratio >= limit : ratio <= limit;
		line(met, ours, metric.label() + ": ×" + Table.number(ratio) + " of " + theirs.label() + " ("
				+ (atLeast ? "at least ×" : "at most ×") + limit + ")");
	}

	private void bound(Peer ours, Metric metric, double limit, String goal) {
		this.figures.median(ours, metric)
			.ifPresent((value) -> line(value <= limit, ours, metric.label() + ": " + Table.number(value) + " "
					+ metric.unit() + " (goal: at most " + goal + ")"));
	}

	// Issue 19, measures: a worst case judged on every sample of every round.
	private void worst(Peer ours, Metric metric, double limit, String goal) {
		double[] samples = this.figures.samples(ours, metric);
		if (samples.length > 0) {
			double worst = samples[samples.length - 1];
			line(worst <= limit, ours, metric.label() + " of all " + samples.length + " changes: " + Table.number(worst)
					+ " " + metric.unit() + " (goal: at most " + goal + ")");
		}
	}

	private void chain(Peer ours, ChainMetric metric, DoublePredicate met, String goal) {
		this.chain.median(ours, Variant.PUSHED, metric)
			.ifPresent((value) -> line(met.test(value), ours, Variant.PUSHED.label() + ", " + metric.label() + ": "
					+ Table.number(value) + " " + metric.unit() + " (goal: " + goal + ")"));
	}

	private void atLeast(Peer ours, Metric metric, double limit) {
		this.figures.median(ours, metric)
			.ifPresent((value) -> line(value >= limit, ours,
					metric.label() + ": " + Table.number(value) + " of " + Table.number(limit)));
	}

	private void scheduledRuns(Peer ours) {
		OptionalDouble runs = this.figures.median(ours, Metric.LOAD_PRICING_RUNS);
		OptionalDouble scheduled = this.figures.median(ours, Metric.LOAD_PRICING_SCHEDULED);
		if (runs.isPresent() && scheduled.isPresent()) {
			line(Math.abs(runs.getAsDouble() - scheduled.getAsDouble()) <= 1, ours,
					"pricing checks during the paced load: " + Table.number(runs.getAsDouble()) + ", schedule "
							+ Table.number(scheduled.getAsDouble()) + " (goal: the scheduled ones, none per call)");
		}
	}

	private void startup(Peer ours, Peer theirs) {
		OptionalDouble with = this.figures.median(ours, Metric.STARTUP_CONTEXT);
		OptionalDouble without = this.figures.median(theirs, Metric.STARTUP_CONTEXT);
		if (with.isPresent() && without.isPresent()) {
			double added = with.getAsDouble() - without.getAsDouble();
			line(added < 50, ours,
					"context start added by the starter: " + Table.number(added) + " ms (medians "
							+ Table.number(with.getAsDouble()) + " vs " + Table.number(without.getAsDouble())
							+ "; goal: under 50 ms)");
		}
	}

	private void line(boolean met, Peer ours, String text) {
		this.lines.add("- " + (met ? "met" : "**not met**") + ": " + ours.label() + ", " + text);
	}

}
