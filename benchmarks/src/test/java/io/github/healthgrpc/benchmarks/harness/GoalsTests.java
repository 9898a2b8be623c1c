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
 * Tests for {@link Goals}: verdicts over the rounds, comparisons round by round.
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

	@Test
	void aGoalWhoseRoundsRangeCrossesItsBoundIsInconclusive() {
		Figures figures = new Figures();
		inRounds(figures, Peer.HEALTH_GRPC_BOOT, Metric.MANUAL_P99, 3.0, 4.0, 7.0);
		inRounds(figures, Peer.HEALTH_GRPC_BOOT, Metric.SIGTERM_TOLD, 1000.0, 1000.0, 1000.0);
		inRounds(figures, Peer.HEALTH_GRPC_BOOT, Metric.SIGTERM_COMPLETED, 990.0, 999.0, 980.0);
		String goals = Goals.judge(figures, new ChainFigures());
		System.out.println(goals);
		assertThat(goals)
			.contains("- **inconclusive**: health-grpc on Boot, status set in code → Watch hears it, p99: 4.00 ms "
					+ "(goal: at most 5 ms); 3.00–7.00 over 3 rounds")
			.contains("- met: health-grpc on Boot, SIGTERM, 1,000 watchers: told NOT_SERVING: 1,000 of 1,000; "
					+ "1,000–1,000 over 3 rounds")
			.contains("- **not met**: health-grpc on Boot, SIGTERM, 1,000 watchers: streams completed (OK): 990 of "
					+ "1,000; 980–999 over 3 rounds");
	}

	@Test
	void aGoalJudgedOnOneRoundSaysSo() {
		Figures figures = new Figures();
		figures.add(Peer.HEALTH_GRPC_DEVH, Metric.MANUAL_P99, 4.0);
		assertThat(Goals.judge(figures, new ChainFigures())).contains(
				"- met: health-grpc on devh, status set in code → Watch hears it, p99: 4.00 ms (goal: at most 5 ms)"
						+ "; one round");
	}

	@Test
	void aComparisonIsJudgedOnTheRatiosOfPeersMeasuredInTheSameRound() {
		Figures figures = new Figures();
		// Round 2 was noisy for both peers alike; in round 4 devh's peer failed.
		inRounds(figures, Peer.HEALTH_GRPC_DEVH, Metric.CHECK_16_RATE, 960.0, 500.0, 980.0, 100.0);
		inRounds(figures, Peer.DEVH, Metric.CHECK_16_RATE, 1000.0, 520.0, 1000.0);
		String goals = Goals.judge(figures, new ChainFigures());
		System.out.println(goals);
		assertThat(goals).contains("- met: health-grpc on devh, Check calls/s, 16 in flight: ×0.96 of devh default "
				+ "(at least ×0.95); ×0.96–×0.98 over 3 rounds");
	}

	@Test
	void aComparisonWhoseRoundsDisagreeIsInconclusive() {
		Figures figures = new Figures();
		inRounds(figures, Peer.HEALTH_GRPC_BOOT, Metric.CHECK_64_CPU, 10.0, 11.0, 10.0);
		inRounds(figures, Peer.BOOT, Metric.CHECK_64_CPU, 10.0, 10.0, 10.0);
		assertThat(Goals.judge(figures, new ChainFigures()))
			.contains("- **inconclusive**: health-grpc on Boot, server CPU per Check, 64 in flight: ×1.00 of Boot "
					+ "default (at most ×1.05); ×1.00–×1.10 over 3 rounds");
	}

	@Test
	void theStarterStartupAndTheScheduleAreJudgedRoundByRound() {
		Figures figures = new Figures();
		for (int round = 1; round <= 3; round++) {
			figures.round(round);
			// Every start in a round is slower in round 3: the difference stays the same.
			double slow = (round == 3) ? 1000 : 0;
			for (double start : new double[] { 1500, 1520, 1540 }) {
				figures.add(Peer.HEALTH_GRPC_DEVH, Metric.STARTUP_CONTEXT, start + 30 + slow);
				figures.add(Peer.DEVH, Metric.STARTUP_CONTEXT, start + slow);
			}
			figures.add(Peer.HEALTH_GRPC_DEVH, Metric.LOAD_PRICING_RUNS, 10 + round);
			figures.add(Peer.HEALTH_GRPC_DEVH, Metric.LOAD_PRICING_SCHEDULED, 10 + round);
		}
		String goals = Goals.judge(figures, new ChainFigures());
		System.out.println(goals);
		assertThat(goals)
			.contains("- met: health-grpc on devh, application context start added by the starter: 30.0 ms (median of 9"
					+ " interleaved pairs")
			.contains("- met: health-grpc on devh, pricing checks during the paced load: 0.00 off the schedule");
	}

	@Test
	void aChainGoalThatIsNoBoundIsJudgedRoundByRound() {
		ChainFigures chain = new ChainFigures();
		for (double open : new double[] { 1, 2, 1 }) {
			chain.add(Peer.HEALTH_GRPC_BOOT, Variant.PUSHED, ChainMetric.UPSTREAM_WATCHES_OPEN, open);
		}
		assertThat(Goals.judge(new Figures(), chain))
			.contains("- **inconclusive**: health-grpc on Boot, upstream check, Watch calls from B open on A at the "
					+ "end: 1.00 calls (goal: one per upstream check); 1.00–2.00 over 3 rounds");
	}

	private static void inRounds(Figures figures, Peer peer, Metric metric, double... values) {
		for (int round = 1; round <= values.length; round++) {
			figures.round(round);
			figures.add(peer, metric, values[round - 1]);
		}
	}

	@Test
	void startupGoalsAreJudgedOnInterleavedPairsWithThreeVerdicts() {
		Figures figures = new Figures();
		double[][] classes = { { 6400, 6600 }, { 6450, 6640 }, { 6420, 6630 } };
		double[][] cpu = { { 3000, 3090 }, { 3400, 3420 }, { 3100, 3400 } };
		double[][] context = { { 1500, 1530 }, { 1700, 1690 }, { 1600, 1640 } };
		for (int i = 0; i < 3; i++) {
			figures.add(Peer.DEVH, Metric.STARTUP_CLASSES, classes[i][0]);
			figures.add(Peer.HEALTH_GRPC_DEVH, Metric.STARTUP_CLASSES, classes[i][1]);
			figures.add(Peer.DEVH, Metric.STARTUP_CPU, cpu[i][0]);
			figures.add(Peer.HEALTH_GRPC_DEVH, Metric.STARTUP_CPU, cpu[i][1]);
			figures.add(Peer.DEVH, Metric.STARTUP_CONTEXT, context[i][0]);
			figures.add(Peer.HEALTH_GRPC_DEVH, Metric.STARTUP_CONTEXT, context[i][1]);
		}
		assertThat(Goals.judge(figures, new ChainFigures()))
			.contains("- met: health-grpc on devh, classes loaded at ready added by the starter: 200 classes "
					+ "(median of 3 interleaved pairs, 75 % interval 190 to 210 classes; goal: under 250)")
			.contains("- **inconclusive**: health-grpc on devh, process CPU time to ready added by the starter: "
					+ "3.00 % (median of 3 interleaved pairs, 75 % interval 0.59 to 9.68 %; goal: under 5 % of "
					+ "devh default's)")
			.contains("- met: health-grpc on devh, application context start added by the starter: 30.0 ms");
	}

}
