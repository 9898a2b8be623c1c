package io.github.healthgrpc.benchmarks.report;

/**
 * Every figure of the propagation chain C → B → A: when each application's Watch client
 * is told of a change that A made, and what following A costs A.
 */
public enum ChainMetric {

	HOP_P50("hop: A's watcher told → B's watcher told, p50", "ms"),
	HOP_P99("hop: A's watcher told → B's watcher told, p99", "ms"),
	HOP_MAX("hop: A's watcher told → B's watcher told, max", "ms"),
	SECOND_HOP_P50("hop: B's watcher told → C's watcher told, p50", "ms"),
	SECOND_HOP_P99("hop: B's watcher told → C's watcher told, p99", "ms"),
	SECOND_HOP_MAX("hop: B's watcher told → C's watcher told, max", "ms"),
	CHAIN_P50("chain: A's watcher told → C's watcher told, p50", "ms"),
	CHAIN_P99("chain: A's watcher told → C's watcher told, p99", "ms"),
	CHAIN_MAX("chain: A's watcher told → C's watcher told, max", "ms"),
	UPSTREAM_CHECKS("Check calls on A from B, per minute", "calls/min"),
	UPSTREAM_WATCHES("Watch calls opened on A by B, per minute", "calls/min"),
	UPSTREAM_WATCHES_OPEN("Watch calls from B open on A at the end", "calls");

	private final String label;

	private final String unit;

	ChainMetric(String label, String unit) {
		this.label = label;
		this.unit = unit;
	}

	public String label() {
		return this.label;
	}

	public String unit() {
		return this.unit;
	}

}
