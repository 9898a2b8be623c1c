package io.github.healthgrpc.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import io.github.healthgrpc.benchmarks.processes.Peer;

/**
 * The table of every figure for every peer: the median over the rounds, its spread
 * (lowest–highest) and its ratio to health-grpc on the same server (for the bare peer, on
 * the same transport: health-grpc on Spring Boot's server, which also runs grpc-netty).
 */
public final class Table {

	private Table() {
	}

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
		return table.toString();
	}

	private static String cell(Figures figures, Peer peer, Metric metric) {
		return cell(figures.of(peer, metric),
				peer.isHealthGrpc() ? OptionalDouble.empty() : figures.median(peer.reference(), metric));
	}

	/**
	 * One cell: the median of the values, their spread when there are several, and the
	 * ratio of the median to a reference, if there is one.
	 */
	static String cell(List<Double> values, OptionalDouble reference) {
		OptionalDouble median = Figures.median(values);
		if (median.isEmpty()) {
			return "n/a";
		}
		StringBuilder cell = new StringBuilder(number(median.getAsDouble()));
		if (values.size() > 1) {
			double low = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
			double high = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
			cell.append(" (").append(number(low)).append("–").append(number(high)).append(')');
		}
		if (reference.isPresent() && reference.getAsDouble() != 0 && Double.isFinite(median.getAsDouble())
				&& Double.isFinite(reference.getAsDouble())) {
			cell.append(" ×")
				.append(String.format(Locale.ROOT, "%.2f", median.getAsDouble() / reference.getAsDouble()));
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
