package io.github.healthgrpc.benchmarks.report;

import java.util.List;
import java.util.OptionalDouble;

import io.github.healthgrpc.benchmarks.processes.Peer;

/**
 * The table of the propagation chain: for each server, the upstream check beside the
 * polled check, each cell the median over the rounds with its spread, the polled check's
 * with its ratio to the upstream check's.
 */
public final class ChainTable {

	private ChainTable() {
	}

	public static String render(ChainFigures figures, List<Peer> servers) {
		StringBuilder table = new StringBuilder("| figure | unit |");
		for (Peer server : servers) {
			for (Variant variant : Variant.values()) {
				table.append(' ').append(server.label()).append(", ").append(variant.label()).append(" |");
			}
		}
		table.append("\n| --- | --- |");
		servers.forEach((server) -> table.append(" --- | --- |"));
		table.append('\n');
		for (ChainMetric metric : ChainMetric.values()) {
			table.append("| ").append(metric.label()).append(" | ").append(metric.unit()).append(" |");
			for (Peer server : servers) {
				for (Variant variant : Variant.values()) {
					OptionalDouble reference = (variant == Variant.PUSHED) ? OptionalDouble.empty()
							: figures.median(server, Variant.PUSHED, metric);
					table.append(' ').append(Table.cell(figures.of(server, variant, metric), reference)).append(" |");
				}
			}
			table.append('\n');
		}
		return table.toString();
	}

}
