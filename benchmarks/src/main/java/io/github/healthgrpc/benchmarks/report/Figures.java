package io.github.healthgrpc.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;

import io.github.healthgrpc.benchmarks.processes.Peer;

/**
 * Every value measured for every peer, over all rounds, each value with the round it was
 * measured in (so that two peers can be compared round by round).
 */
public final class Figures {

	private final Map<Peer, Map<Metric, List<Value>>> values = new EnumMap<>(Peer.class);

	private final Map<Peer, List<String>> notes = new EnumMap<>(Peer.class);

	private int round = 1;

	/**
	 * Start a round: the values added from now on belong to it.
	 * @param round the round's number, from 1
	 */
	public synchronized void round(int round) {
		this.round = round;
	}

	// Issue 19, measures: every sample behind a figure, for goals judged on the worst.
	private final Map<Peer, Map<Metric, List<Double>>> samples = new EnumMap<>(Peer.class);

	public synchronized void add(Peer peer, Metric metric, double value) {
		this.values.computeIfAbsent(peer, (p) -> new EnumMap<>(Metric.class))
			.computeIfAbsent(metric, (m) -> new ArrayList<>())
			.add(new Value(this.round, value));
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

	/**
	 * A peer's values for one metric, in the order they were added (the i-th starts of
	 * two peers measured in pairs are one pair).
	 */
	public synchronized List<Double> of(Peer peer, Metric metric) {
		return values(peer, metric).stream().map(Value::value).toList();
	}

	private synchronized List<Value> values(Peer peer, Metric metric) {
		return List.copyOf(this.values.getOrDefault(peer, Map.of()).getOrDefault(metric, List.of()));
	}

	/**
	 * How many rounds measured a peer's metric.
	 */
	int rounds(Peer peer, Metric metric) {
		return perRound(peer, metric).size();
	}

	/**
	 * The median of a peer's values for one metric.
	 */
	public OptionalDouble median(Peer peer, Metric metric) {
		return median(of(peer, metric));
	}

	/**
	 * A peer's figure in each round that measured it: the median of that round's values
	 * (most metrics have one value a round; the startup time has one per start).
	 * @param peer the peer
	 * @param metric the metric
	 * @return each round's figure, by round
	 */
	public SortedMap<Integer, Double> perRound(Peer peer, Metric metric) {
		SortedMap<Integer, List<Double>> byRound = new TreeMap<>();
		for (Value value : values(peer, metric)) {
			byRound.computeIfAbsent(value.round(), (r) -> new ArrayList<>()).add(value.value());
		}
		SortedMap<Integer, Double> figures = new TreeMap<>();
		byRound.forEach((round, values) -> figures.put(round, median(values).orElseThrow()));
		return figures;
	}

	/**
	 * Two figures combined round by round, in the rounds that measured both: a ratio of
	 * two peers taken in the same round, say, so that a round's noise hits both sides of
	 * it.
	 * @param first the first figure's peer
	 * @param firstMetric the first figure's metric
	 * @param second the second figure's peer
	 * @param secondMetric the second figure's metric
	 * @param combination how a round's two figures combine
	 * @return each round's combination, by round
	 */
	public SortedMap<Integer, Double> perRound(Peer first, Metric firstMetric, Peer second, Metric secondMetric,
			DoubleBinaryOperator combination) {
		SortedMap<Integer, Double> a = perRound(first, firstMetric);
		SortedMap<Integer, Double> b = perRound(second, secondMetric);
		SortedMap<Integer, Double> pairs = new TreeMap<>();
		a.forEach((round, value) -> {
			Double other = b.get(round);
			if (other != null) {
				pairs.put(round, combination.applyAsDouble(value, other));
			}
		});
		return pairs;
	}

	/**
	 * The median of some values.
	 */
	static OptionalDouble median(List<Double> values) {
		return Spread.of(values).map((spread) -> OptionalDouble.of(spread.median())).orElse(OptionalDouble.empty());
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

	private record Value(int round, double value) {
	}

}
