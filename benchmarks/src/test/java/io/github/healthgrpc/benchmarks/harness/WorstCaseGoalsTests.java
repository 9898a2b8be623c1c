package io.github.healthgrpc.benchmarks.harness;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the freshness goals of {@link Goals}: judged on the worst of every sample of
 * every round, not on the median of each round's worst.
 */
class WorstCaseGoalsTests {

	@Test
	void theWorstSampleOfAnyRoundDecides() {
		Figures figures = new Figures();
		Peer peer = Peer.HEALTH_GRPC_DEVH;
		for (double[] round : new double[][] { { 300, 900 }, { 400, 1600 }, { 200, 800 } }) {
			figures.add(peer, Metric.TCP_FRESH_MAX, round[1]);
			figures.addSamples(peer, Metric.TCP_FRESH_MAX, round);
		}
		figures.add(peer, Metric.TCP_HANG_MAX, 1200);
		figures.addSamples(peer, Metric.TCP_HANG_MAX, new double[] { 1200, 700 });
		assertThat(Goals.judge(figures, new ChainFigures()))
			.contains("- **not met**: health-grpc on devh, pricing listener closed/opened → Watch hears it, max of "
					+ "all 6 changes: 1,600 ms (goal: at most one interval plus timeout (1,500 ms))")
			.contains("- met: health-grpc on devh, pricing listener blackholed/opened → Watch hears it, max of all "
					+ "2 changes: 1,200 ms");
	}

}
