package io.github.healthgrpc.benchmarks.harness;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.healthgrpc.benchmarks.jmh.CheckLookupBenchmark;
import io.github.healthgrpc.benchmarks.jmh.WatchFanOutBenchmark;
import io.github.healthgrpc.benchmarks.report.Table;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of the in-process paths (in a forked JVM, as JMH does) and
 * renders their scores as a table.
 */
final class InProcessBenchmarks {

	private InProcessBenchmarks() {
	}

	static String run(boolean full) throws RunnerException {
		Options options = new OptionsBuilder().include(CheckLookupBenchmark.class.getName())
			.include(WatchFanOutBenchmark.class.getName())
			.forks(1)
			.warmupIterations(full ? 4 : 1)
			.measurementIterations(full ? 6 : 2)
			.warmupTime(TimeValue.seconds(1))
			.measurementTime(TimeValue.seconds(1))
			.jvmArgs("-Xmx512m")
			.build();
		return render(new Runner(options).run());
	}

	private static String render(Collection<RunResult> results) {
		return "| benchmark | parameters | score | error (99.9 %) | unit |\n| --- | --- | --- | --- | --- |\n"
				+ results.stream().map(InProcessBenchmarks::row).collect(Collectors.joining());
	}

	private static String row(RunResult result) {
		Result<?> primary = result.getPrimaryResult();
		String name = result.getParams().getBenchmark();
		String params = result.getParams()
			.getParamsKeys()
			.stream()
			.map((key) -> key + "=" + result.getParams().getParam(key))
			.collect(Collectors.joining(", "));
		// Class and method: the package is the same for all.
		String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
		return String.format(Locale.ROOT, "| %s | %s | %s | ±%s | %s |%n", shortName, params,
				Table.number(primary.getScore()), Table.number(primary.getScoreError()), primary.getScoreUnit());
	}

}
