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
		List.of(900.0, 1000.0, 1100.0).forEach((value) -> figures.add(Peer.DEVH, Metric.CHECK_16_RATE, value));
		List.of(2000.0, 2000.0, 2000.0)
			.forEach((value) -> figures.add(Peer.HEALTH_GRPC_DEVH, Metric.CHECK_16_RATE, value));
		String table = Table.render(figures, List.of(Peer.DEVH, Peer.HEALTH_GRPC_DEVH));
		assertThat(table)
			.contains("| Check calls/s, 16 in flight | calls/s | 1,000 (900–1,100) ×0.50 | 2,000 (2,000–2,000) |");
		assertThat(table).contains("| Check p50, 16 in flight | µs | n/a | n/a |");
	}

	@Test
	void aChangeNeverHeardReadsAsNever() {
		Figures figures = new Figures();
		figures.add(Peer.BOOT, Metric.TCP_FRESH_MAX, Double.POSITIVE_INFINITY);
		assertThat(Table.render(figures, List.of(Peer.BOOT))).contains("| never |");
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
			.contains("| hop: A's watcher told → B's watcher told, p50 | ms | 2.00 | 500 ×250.00 |")
			.contains("| Check calls on A from B, per minute | calls/min | 0.00 | 60.0 |");
	}

}
