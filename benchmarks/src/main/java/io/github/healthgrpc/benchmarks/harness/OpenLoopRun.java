package io.github.healthgrpc.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.healthgrpc.benchmarks.load.Channels;
import io.github.healthgrpc.benchmarks.load.OpenLoopCheckLoad;
import io.github.healthgrpc.benchmarks.peer.ThreadCpu;
import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;

import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_CPU;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_FAILED;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_MAX;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_P50;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_P99;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_P999;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_RATE;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_10K_REQUEST_CPU;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_CPU;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_FAILED;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_MAX;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_P50;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_P99;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_P999;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_RATE;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_1K_REQUEST_CPU;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_CPU;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_FAILED;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_MAX;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_P50;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_P99;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_P999;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_RATE;
import static io.github.healthgrpc.benchmarks.report.Metric.OPEN_5K_REQUEST_CPU;

/**
 * The open-loop Check load on one peer at each fixed rate, after the closed-loop loads
 * have warmed it up: latency from each call's intended send time, and the server's CPU
 * per call at the same throughput on every peer, for its request threads alone and for
 * the whole process.
 */
final class OpenLoopRun {

	// Per rate: achieved, p50, p99, p99.9, max, failed, request-thread CPU, process CPU.
	private static final Map<Integer, List<Metric>> METRICS = Map.of(1_000,
			List.of(OPEN_1K_RATE, OPEN_1K_P50, OPEN_1K_P99, OPEN_1K_P999, OPEN_1K_MAX, OPEN_1K_FAILED,
					OPEN_1K_REQUEST_CPU, OPEN_1K_CPU),
			5_000,
			List.of(OPEN_5K_RATE, OPEN_5K_P50, OPEN_5K_P99, OPEN_5K_P999, OPEN_5K_MAX, OPEN_5K_FAILED,
					OPEN_5K_REQUEST_CPU, OPEN_5K_CPU),
			10_000, List.of(OPEN_10K_RATE, OPEN_10K_P50, OPEN_10K_P99, OPEN_10K_P999, OPEN_10K_MAX, OPEN_10K_FAILED,
					OPEN_10K_REQUEST_CPU, OPEN_10K_CPU));

	private final Peer peer;

	private final int port;

	private final Figures figures;

	OpenLoopRun(Peer peer, int port, Figures figures) {
		this.peer = peer;
		this.port = port;
		this.figures = figures;
	}

	void run(PeerProcess process, Duration duration) throws InterruptedException {
		try (Channels channels = new Channels(this.port, 4)) {
			OpenLoopCheckLoad load = new OpenLoopCheckLoad(channels);
			for (int rate : OpenLoopCheckLoad.RATES) {
				ThreadCpu.Sample before = process.threadCpu();
				OpenLoopCheckLoad.Result result = load.run(rate, duration);
				ThreadCpu.Sample spent = process.threadCpu().minus(before);
				double calls = Math.max(1, result.completed());
				double[] values = { result.achievedRate(), result.p50Micros(), result.p99Micros(), result.p999Micros(),
						result.maxMicros(), result.failures(), spent.requestNanos() / 1e3 / calls,
						spent.processNanos() / 1e3 / calls };
				List<Metric> metrics = METRICS.get(rate);
				for (int i = 0; i < values.length; i++) {
					this.figures.add(this.peer, metrics.get(i), values[i]);
				}
			}
		}
	}

}
