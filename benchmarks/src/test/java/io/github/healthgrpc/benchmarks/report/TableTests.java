package io.github.healthgrpc.benchmarks.report;

import java.util.List;

import io.github.healthgrpc.benchmarks.processes.Peer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Table}: medians, spreads and ratios.
 */
class TableTests {

	@Test
	void aCellShowsTheMedianItsSpreadAndItsRatioToHealthGrpcOnTheSameServer() {
		Figures figures = new Figures();
		double[] devh = { 900, 1000, 1100 };
		for (int round = 1; round <= 3; round++) {
			figures.round(round);
			figures.add(Peer.DEVH, Metric.CHECK_16_RATE, devh[round - 1]);
			figures.add(Peer.HEALTH_GRPC_DEVH, Metric.CHECK_16_RATE, 2000);
		}
		String table = Table.render(figures, List.of(Peer.DEVH, Peer.HEALTH_GRPC_DEVH));
		assertThat(table)
			.contains("| Check calls/s, 16 in flight | calls/s | 1,000 (900–1,100) ×0.50 | 2,000 (2,000–2,000) |");
		assertThat(table).contains("| Check p50, 16 in flight | µs | n/a | n/a |");
	}

	@Test
	void aFigureFromOneRoundIsMarkedEvenWithSeveralValues() {
		Figures figures = new Figures();
		figures.add(Peer.BOOT, Metric.MANUAL_P99, 4);
		// Several starts in one round: a spread over the starts, but one round.
		List.of(1500.0, 1600.0, 1700.0).forEach((start) -> figures.add(Peer.BOOT, Metric.STARTUP_CONTEXT, start));
		figures.round(2);
		figures.add(Peer.BOOT, Metric.STARTUP_CONTEXT, 1900);
		figures.add(Peer.BOOT, Metric.SIGTERM_EXIT, 2100);
		figures.round(1);
		figures.add(Peer.BOOT, Metric.SIGTERM_EXIT, 2050);
		String table = Table.render(figures, List.of(Peer.BOOT));
		System.out.println(table);
		assertThat(table).contains("| status set in code → Watch hears it, p99 | ms | 4.00† |")
			.contains("| application context start | ms | 1,650 (1,500–1,900) |")
			.contains("| SIGTERM → process exit | ms | 2,075 (2,050–2,100) |")
			.contains(Table.ONE_ROUND_NOTE);
		figures.round(3);
		assertThat(Table.render(figures, List.of(Peer.BOOT))).contains("| 4.00† |");
	}

	@Test
	void aChangeNeverHeardReadsAsNever() {
		Figures figures = new Figures();
		figures.add(Peer.BOOT, Metric.TCP_FRESH_MAX, Double.POSITIVE_INFINITY);
		assertThat(Table.render(figures, List.of(Peer.BOOT))).contains("| never† |");
	}

	@Test
	void theChainTableSetsThePolledCheckBesideTheUpstreamCheckOnTheSameServer() {
		ChainFigures figures = new ChainFigures();
		figures.add(Peer.HEALTH_GRPC_BOOT, Variant.PUSHED, ChainMetric.HOP_P50, 2);
		figures.add(Peer.HEALTH_GRPC_BOOT, Variant.POLLED, ChainMetric.HOP_P50, 500);
		figures.add(Peer.HEALTH_GRPC_BOOT, Variant.PUSHED, ChainMetric.UPSTREAM_CHECKS, 0);
		figures.add(Peer.HEALTH_GRPC_BOOT, Variant.POLLED, ChainMetric.UPSTREAM_CHECKS, 60);
		String table = ChainTable.render(figures, List.of(Peer.HEALTH_GRPC_BOOT));
		assertThat(table)
			.contains("| figure | unit | health-grpc on Boot, upstream check | health-grpc on Boot, Check every 1 s |")
			.contains("| hop: A's watcher told → B's watcher told, p50 | ms | 2.00† | 500† ×250.00 |")
			.contains("| Check calls on A from B, per minute | calls/min | 0.00† | 60.0† |");
	}

}
