package io.github.healthgrpc.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.github.healthgrpc.benchmarks.processes.Peer;

/**
 * Every value measured for every peer, over all rounds.
 */
public final class Figures {

	private final Map<Peer, Map<Metric, List<Double>>> values = new EnumMap<>(Peer.class);

	private final Map<Peer, List<String>> notes = new EnumMap<>(Peer.class);

	// Issue 19, measures: every sample behind a figure, for goals judged on the worst.
	private final Map<Peer, Map<Metric, List<Double>>> samples = new EnumMap<>(Peer.class);

	public synchronized void add(Peer peer, Metric metric, double value) {
		this.values.computeIfAbsent(peer, (p) -> new EnumMap<>(Metric.class))
			.computeIfAbsent(metric, (m) -> new ArrayList<>())
			.add(value);
	}

	/**
	 * Keep every sample behind a figure of one round (the figure itself is added with
	 * {@link #add}), so that a worst case can be judged on all rounds' samples together.
	 */
	public synchronized void addSamples(Peer peer, Metric metric, double[] values) {
		List<Double> kept = this.samples.computeIfAbsent(peer, (p) -> new EnumMap<>(Metric.class))
			.computeIfAbsent(metric, (m) -> new ArrayList<>());
		Arrays.stream(values).forEach(kept::add);
	}

	/**
	 * Every sample kept behind a figure, over all rounds, sorted.
	 */
	public synchronized double[] samples(Peer peer, Metric metric) {
		return this.samples.getOrDefault(peer, Map.of())
			.getOrDefault(metric, List.of())
			.stream()
			.mapToDouble(Double::doubleValue)
			.sorted()
			.toArray();
	}

	public synchronized void note(Peer peer, String note) {
		this.notes.computeIfAbsent(peer, (p) -> new ArrayList<>()).add(note);
	}

	public synchronized List<String> notes(Peer peer) {
		return List.copyOf(this.notes.getOrDefault(peer, List.of()));
	}

	synchronized List<Double> of(Peer peer, Metric metric) {
		return List.copyOf(this.values.getOrDefault(peer, Map.of()).getOrDefault(metric, List.of()));
	}

	/**
	 * The median of a peer's values for one metric.
	 */
	public OptionalDouble median(Peer peer, Metric metric) {
		return median(of(peer, metric));
	}

	/**
	 * The median of some values.
	 */
	static OptionalDouble median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return OptionalDouble.empty();
		}
		int middle = sorted.length / 2;
		return OptionalDouble.of((sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
	}

	/**
	 * A percentile of sorted values, the nearest rank.
	 */
	public static double percentile(double[] sorted, double percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

}
