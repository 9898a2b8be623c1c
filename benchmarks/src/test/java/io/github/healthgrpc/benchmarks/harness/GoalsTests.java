package io.github.healthgrpc.benchmarks.harness;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
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
		assertThat(Goals.judge(figures))
			.contains("- met: health-grpc on Boot, status set in code → Watch hears it, p99: 4.00 ms")
			.contains("- **not met**: health-grpc on Boot, 1,000 watchers: heap per watcher: 5,000 bytes")
			.contains("- **not met**: health-grpc on Boot, Check calls/s, 64 in flight: ×0.94 of Boot default");
	}

}
