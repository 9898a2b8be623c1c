package io.github.healthgrpc.benchmarks.harness;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.benchmarks.report.ChainMetric;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.github.healthgrpc.benchmarks.report.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Goals}: verdicts on the medians.
 */
class GoalsTests {

	@Test
	void goalsAreJudgedOnTheMedians() {
		Figures figures = new Figures();
		figures.add(Peer.HEALTH_GRPC_BOOT, Metric.MANUAL_P99, 4.0);
		figures.add(Peer.HEALTH_GRPC_BOOT, Metric.FANOUT_1K_HEAP, 5000);
		figures.add(Peer.HEALTH_GRPC_BOOT, Metric.CHECK_64_RATE, 940);
		figures.add(Peer.BOOT, Metric.CHECK_64_RATE, 1000);
		assertThat(Goals.judge(figures, new ChainFigures()))
			.contains("- met: health-grpc on Boot, status set in code → Watch hears it, p99: 4.00 ms")
			.contains("- **not met**: health-grpc on Boot, 1,000 watchers: heap per watcher: 5,000 bytes")
			.contains("- **not met**: health-grpc on Boot, Check calls/s, 64 in flight: ×0.94 of Boot default");
	}

	@Test
	void checkGoalsCompareTheInstrumentedVariantWithTheServersOwnHealth() {
		Figures figures = new Figures();
		figures.add(Peer.DEVH, Metric.CHECK_16_RATE, 1000);
		figures.add(Peer.HEALTH_GRPC_DEVH, Metric.CHECK_16_RATE, 1100);
		figures.add(Peer.HEALTH_GRPC_DEVH_INSTRUMENTED, Metric.CHECK_16_RATE, 900);
		figures.add(Peer.DEVH, Metric.CHECK_16_CPU, 40);
		figures.add(Peer.HEALTH_GRPC_DEVH_INSTRUMENTED, Metric.CHECK_16_CPU, 40.8);
		assertThat(Goals.judge(figures, new ChainFigures()))
			.contains("- met: health-grpc on devh, Check calls/s, 16 in flight: ×1.10 of devh default")
			.contains("- **not met**: health-grpc on devh, instrumented like devh default, Check calls/s, 16 in "
					+ "flight: ×0.90 of devh default (at least ×0.95)")
			.contains("- met: health-grpc on devh, instrumented like devh default, server CPU per Check, 16 in "
					+ "flight: ×1.02 of devh default (at most ×1.05)");
	}

	@Test
	void chainGoalsAreJudgedOnTheUpstreamCheckAlone() {
		ChainFigures chain = new ChainFigures();
		chain.add(Peer.HEALTH_GRPC_DEVH, Variant.PUSHED, ChainMetric.HOP_P99, 12);
		chain.add(Peer.HEALTH_GRPC_DEVH, Variant.PUSHED, ChainMetric.CHAIN_P99, 160);
		chain.add(Peer.HEALTH_GRPC_DEVH, Variant.PUSHED, ChainMetric.UPSTREAM_CHECKS, 0);
		chain.add(Peer.HEALTH_GRPC_DEVH, Variant.PUSHED, ChainMetric.UPSTREAM_WATCHES_OPEN, 2);
		chain.add(Peer.HEALTH_GRPC_DEVH, Variant.POLLED, ChainMetric.HOP_P99, 990);
		assertThat(Goals.judge(new Figures(), chain))
			.contains("- met: health-grpc on devh, upstream check, hop: A's watcher told → B's watcher told, p99: "
					+ "12.0 ms (goal: at most 50 ms)")
			.contains("- **not met**: health-grpc on devh, upstream check, chain: A's watcher told → C's watcher told, "
					+ "p99: 160 ms (goal: at most 150 ms)")
			.contains("- met: health-grpc on devh, upstream check, Check calls on A from B, per minute: 0.00")
			.contains("- **not met**: health-grpc on devh, upstream check, Watch calls from B open on A at the end: "
					+ "2.00 calls (goal: one per upstream check)")
			.doesNotContain("990");
	}

}
