package io.github.healthgrpc.benchmarks.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.github.healthgrpc.benchmarks.processes.Peer;

/**
 * Every value measured on the propagation chain, for each server (the health-grpc peer
 * whose application A, B and C are) and each way B and C follow their upstream, over all
 * rounds.
 */
public final class ChainFigures {

	private final Map<Column, Map<ChainMetric, List<Double>>> values = new HashMap<>();

	public synchronized void add(Peer server, Variant variant, ChainMetric metric, double value) {
		this.values.computeIfAbsent(new Column(server, variant), (c) -> new EnumMap<>(ChainMetric.class))
			.computeIfAbsent(metric, (m) -> new ArrayList<>())
			.add(value);
	}

	/**
	 * One figure's values, one a round.
	 */
	public synchronized List<Double> of(Peer server, Variant variant, ChainMetric metric) {
		return List
			.copyOf(this.values.getOrDefault(new Column(server, variant), Map.of()).getOrDefault(metric, List.of()));
	}

	/**
	 * The median of one figure over the rounds.
	 */
	public OptionalDouble median(Peer server, Variant variant, ChainMetric metric) {
		return Figures.median(of(server, variant, metric));
	}

	private record Column(Peer server, Variant variant) {
	}

}
