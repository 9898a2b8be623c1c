package io.github.healthgrpc.benchmarks.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import io.github.healthgrpc.benchmarks.load.OpenLoopCheckLoad;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Table;

/**
 * The in-process measurements of health-grpc's engine, Health service and fan-out, run in
 * the harness's own JVM, rendered as a report section.
 */
public final class EngineBenchmarks {

	private static final List<Integer> IDLE_CHECKS = List.of(100, 1_000);

	private static final List<Integer> HANGING_CHECKS = List.of(0, 10, 100);

	private static final int HANGING_RATE = 2_000;

	// Passes over every N in turn: one pass on a shared machine is mostly noise.
	private static final int HANGING_PASSES = 3;

	private static final int FAN_OUT_WATCHERS = 10_000;

	private EngineBenchmarks() {
	}

	/**
	 * Run every measurement.
	 * @param period each measured period of the idle CPU (the Check load while checks
	 * hang runs half of it in each of its passes)
	 * @param changes measured changes of the fan-out
	 * @return the section, Markdown
	 */
	public static String run(Duration period, int changes) throws IOException, InterruptedException {
		StringBuilder section = new StringBuilder();
		section.append("Idle CPU of the engine: trivial checks every second (1 s timeout, ")
			.append("the starter's 4 workers), its threads' CPU time (`health-grpc-*`, ThreadMXBean) over ")
			.append(period.toSeconds())
			.append(" s after 3 s of settling.\n\n| checks | evaluations/s | engine CPU, % of one core |\n")
			.append("| --- | --- | --- |\n");
		for (int checks : IDLE_CHECKS) {
			System.out.println("  engine idle, " + checks + " checks");
			EngineIdle.Result idle = EngineIdle.measure(checks, period);
			section.append(row(checks, idle.evaluationsPerSecond(), idle.percentOfOneCore()));
		}
		Duration hangingPeriod = period.dividedBy(2);
		section.append("\nCheck latency while checks hang: a Netty server with health-grpc's Health service; ")
			.append("the service asked has one quick check and N checks that never return (uninterruptible, ")
			.append("past their 200 ms timeout); open-loop Check calls at ")
			.append(HANGING_RATE)
			.append("/s for ")
			.append(hangingPeriod.toMillis() / 1000.0)
			.append(" s (after 1 s unmeasured), timed from their intended send time (client in the same JVM); ")
			.append(HANGING_PASSES)
			.append(" passes over every N in turn, median (lowest–highest).\n\n")
			.append("| hanging checks | achieved calls/s | p50 µs | p99 µs | p99.9 µs | max µs | failed |\n")
			.append("| --- | --- | --- | --- | --- | --- | --- |\n");
		Map<Integer, List<OpenLoopCheckLoad.Result>> passes = new TreeMap<>();
		// An unmeasured pass first: the first server in this JVM runs cold code.
		System.out.println("  Check while no check hangs, warming up");
		HangingChecks.measure(0, HANGING_RATE, hangingPeriod);
		for (int pass = 1; pass <= HANGING_PASSES; pass++) {
			for (int hanging : HANGING_CHECKS) {
				System.out.println("  Check while " + hanging + " checks hang, pass " + pass);
				passes.computeIfAbsent(hanging, (n) -> new ArrayList<>())
					.add(HangingChecks.measure(hanging, HANGING_RATE, hangingPeriod));
			}
		}
		passes.forEach((hanging, results) -> section.append("| ")
			.append(String.format(Locale.ROOT, "%,d", hanging))
			.append(" |")
			.append(spread(results, OpenLoopCheckLoad.Result::achievedRate))
			.append(spread(results, OpenLoopCheckLoad.Result::p50Micros))
			.append(spread(results, OpenLoopCheckLoad.Result::p99Micros))
			.append(spread(results, OpenLoopCheckLoad.Result::p999Micros))
			.append(spread(results, OpenLoopCheckLoad.Result::maxMicros))
			.append(spread(results, (result) -> result.failures()))
			.append('\n'));
		section.append("\nAllocation per fan-out: one change told to ")
			.append(String.format(Locale.ROOT, "%,d", FAN_OUT_WATCHERS))
			.append(" Watch calls over the in-process transport (WatchFanOutBenchmark's set-up), bytes ")
			.append("allocated by every thread of the JVM, mean of ")
			.append(changes)
			.append(" changes after as many to warm up.\n\n| service | bytes per change | bytes per watcher |\n")
			.append("| --- | --- | --- |\n");
		for (String service : List.of("health-grpc", "HealthStatusManager")) {
			System.out.println("  fan-out allocation, " + service);
			double bytes = FanOutAllocation.bytesPerChange(service, FAN_OUT_WATCHERS, changes);
			section.append("| ")
				.append(service)
				.append(" | ")
				.append(Table.number(bytes))
				.append(" | ")
				.append(Table.number(bytes / FAN_OUT_WATCHERS))
				.append(" |\n");
		}
		return section.toString();
	}

	private static String spread(List<OpenLoopCheckLoad.Result> results,
			ToDoubleFunction<OpenLoopCheckLoad.Result> figure) {
		double[] values = results.stream().mapToDouble(figure).sorted().toArray();
		String cell = Table.number(Figures.percentile(values, 50));
		if (values.length > 1) {
			cell += " (" + Table.number(values[0]) + "–" + Table.number(values[values.length - 1]) + ")";
		}
		return " " + cell + " |";
	}

	private static String row(int first, double... values) {
		StringBuilder row = new StringBuilder("| ").append(String.format(Locale.ROOT, "%,d", first)).append(" |");
		for (double value : values) {
			row.append(' ').append(Table.number(value)).append(" |");
		}
		return row.append('\n').toString();
	}

}
