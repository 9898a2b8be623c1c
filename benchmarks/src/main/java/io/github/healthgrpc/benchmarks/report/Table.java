package io.github.healthgrpc.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import io.github.healthgrpc.benchmarks.processes.Peer;

/**
 * The table of every figure for every peer: the median over the rounds, its spread
 * (lowest–highest; a figure from one round marked as such) and its ratio to health-grpc
 * on the same server (for the bare peer, on the same transport: health-grpc on Spring
 * Boot's server, which also runs grpc-netty).
 */
public final class Table {

	private Table() {
	}

	/**
	 * What a cell marked {@link #ONE_ROUND} means, for the line under a table.
	 */
	public static final String ONE_ROUND_NOTE = "Each cell: the median over the rounds, (lowest–highest) beside it; "
			+ "† marks a figure from one round, whose spread across rounds is unknown.";

	/**
	 * The mark of a figure measured in one round only.
	 */
	static final String ONE_ROUND = "†";

	public static String render(Figures figures, List<Peer> peers) {
		StringBuilder table = new StringBuilder("| figure | unit |");
		peers.forEach((peer) -> table.append(' ').append(peer.label()).append(" |"));
		table.append("\n| --- | --- |");
		peers.forEach((peer) -> table.append(" --- |"));
		table.append('\n');
		for (Metric metric : Metric.values()) {
			table.append("| ").append(metric.label()).append(" | ").append(metric.unit()).append(" |");
			for (Peer peer : peers) {
				table.append(' ').append(cell(figures, peer, metric)).append(" |");
			}
			table.append('\n');
		}
		return table.append('\n').append(ONE_ROUND_NOTE).append('\n').toString();
	}

	private static String cell(Figures figures, Peer peer, Metric metric) {
		return cell(figures.of(peer, metric), figures.rounds(peer, metric),
				peer.isHealthGrpc() ? OptionalDouble.empty() : figures.median(peer.reference(), metric));
	}

	/**
	 * One cell of values taken one a round: see {@link #cell(List, int, OptionalDouble)}.
	 */
	static String cell(List<Double> values, OptionalDouble reference) {
		return cell(values, values.size(), reference);
	}

	/**
	 * One cell: the median of the values, their spread when there are several, marked
	 * {@link #ONE_ROUND} when they all come from one round, and the ratio of the median
	 * to a reference, if there is one.
	 */
	static String cell(List<Double> values, int rounds, OptionalDouble reference) {
		Optional<Spread> spread = Spread.of(values);
		if (spread.isEmpty()) {
			return "n/a";
		}
		double median = spread.get().median();
		StringBuilder cell = new StringBuilder(number(median));
		if (!spread.get().single()) {
			cell.append(" (")
				.append(number(spread.get().low()))
				.append("–")
				.append(number(spread.get().high()))
				.append(')');
		}
		if (rounds == 1) {
			cell.append(ONE_ROUND);
		}
		if (reference.isPresent() && reference.getAsDouble() != 0 && Double.isFinite(median)
				&& Double.isFinite(reference.getAsDouble())) {
			cell.append(" ×").append(String.format(Locale.ROOT, "%.2f", median / reference.getAsDouble()));
		}
		return cell.toString();
	}

	public static String number(double value) {
		if (Double.isInfinite(value)) {
			return "never";
		}
		if (Double.isNaN(value)) {
			return "n/a";
		}
		double magnitude = Math.abs(value);
		String format = (magnitude >= 100) ? "%,.0f" : (magnitude >= 10) ? "%.1f" : "%.2f";
		return String.format(Locale.ROOT, format, value);
	}

}
