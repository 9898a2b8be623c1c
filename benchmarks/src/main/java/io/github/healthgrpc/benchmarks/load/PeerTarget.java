package io.github.healthgrpc.benchmarks.load;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;

/**
 * The running peer a measurement talks to, its pricing dependency, and where its figures
 * go.
 *
 * @param peer which peer
 * @param port its gRPC port
 * @param pricing its pricing listener
 * @param figures the figures of the run
 */
public record PeerTarget(Peer peer, int port, PricingListener pricing, Figures figures) {

	void add(Metric metric, double value) {
		this.figures.add(this.peer, metric, value);
	}

}
