package io.github.healthgrpc.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerLauncher;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.github.healthgrpc.sample.PricingServer;

/**
 * Starts of a peer for their startup time alone: start, read the context's start time,
 * kill. The same application with and without the starter is {@link Peer#DEVH} against
 * {@link Peer#HEALTH_GRPC_DEVH}, and {@link Peer#BOOT} against
 * {@link Peer#HEALTH_GRPC_BOOT}.
 */
final class Startups {

	private Startups() {
	}

	static void measure(Peer peer, PeerLauncher launcher, Figures figures, Path log)
			throws IOException, InterruptedException {
		if (peer.isInstrumented()) {
			// Started for the Check loads alone: its start is health-grpc's on the same
			// server.
			return;
		}
		try (PricingServer pricing = PricingServer.onFreePort();
				PeerProcess process = launcher.start(peer, PricingServer.freePort(), pricing.address(), log)) {
			figures.add(peer, Metric.STARTUP_CONTEXT, process.contextMillis());
			process.kill();
		}
	}

}
