package io.github.healthgrpc.benchmarks.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.healthgrpc.benchmarks.processes.ClassPath;
import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerLauncher;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.benchmarks.report.ChainMetric;
import io.github.healthgrpc.benchmarks.report.ChainTable;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's own pass of the propagation chain: the smoke plan's few changes of A on
 * each server, three peer processes each, the table printed. The figures a user reads
 * come from the runs by hand ({@code quick}, {@code full}); this pass proves the chain
 * works both ways on both servers and holds the counts the docs claim.
 */
class ChainRunTests {

	private static final List<Peer> SERVERS = List.of(Peer.HEALTH_GRPC_DEVH, Peer.HEALTH_GRPC_BOOT);

	@Test
	void aChangeTravelsTheChainBothWaysOnBothServersAndTheUpstreamCheckCostsAOneWatch() throws Exception {
		Path logs = Files.createDirectories(Path.of("target", "bench", "chain-tests"));
		PeerLauncher launcher = new PeerLauncher(ClassPath.current(), List.of());
		ChainFigures figures = new ChainFigures();
		int changes = Plan.smoke().chainChanges();
		for (Peer server : SERVERS) {
			new ChainRun(server, changes, figures).run(launcher, logs, "chain-" + server);
		}
		System.out.println(ChainTable.render(figures, SERVERS));
		System.out.println(Goals.judge(new Figures(), figures));
		for (Peer server : SERVERS) {
			// Every change reached C both ways.
			for (Variant variant : Variant.values()) {
				assertThat(value(figures, server, variant, ChainMetric.CHAIN_MAX)).as(server + " " + variant)
					.isFinite();
			}
			// An upstream check asks nothing and holds one Watch open, never opening
			// another; the polled check asks once a second and never watches.
			assertThat(value(figures, server, Variant.PUSHED, ChainMetric.UPSTREAM_CHECKS)).isZero();
			assertThat(value(figures, server, Variant.PUSHED, ChainMetric.UPSTREAM_WATCHES)).isZero();
			assertThat(value(figures, server, Variant.PUSHED, ChainMetric.UPSTREAM_WATCHES_OPEN)).isEqualTo(1);
			assertThat(value(figures, server, Variant.POLLED, ChainMetric.UPSTREAM_CHECKS)).isBetween(30.0, 90.0);
			assertThat(value(figures, server, Variant.POLLED, ChainMetric.UPSTREAM_WATCHES_OPEN)).isZero();
			// Pushed: half the changes cross each hop within the goal for the p99 (a few
			// changes leave the p99 to the load of the build machine; the runs by hand
			// judge it), where a polled hop takes half its interval.
			assertThat(value(figures, server, Variant.PUSHED, ChainMetric.HOP_P50)).isLessThan(50);
			assertThat(value(figures, server, Variant.PUSHED, ChainMetric.SECOND_HOP_P50)).isLessThan(50);
			assertThat(value(figures, server, Variant.PUSHED, ChainMetric.CHAIN_P50)).isLessThan(150);
		}
	}

	private static double value(ChainFigures figures, Peer server, Variant variant, ChainMetric metric) {
		return figures.median(server, variant, metric).orElseThrow();
	}

}
