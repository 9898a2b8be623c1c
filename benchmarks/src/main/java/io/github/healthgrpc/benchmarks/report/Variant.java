package io.github.healthgrpc.benchmarks.report;

/**
 * How B and C of the propagation chain follow their upstream.
 */
public enum Variant {

	/**
	 * health-grpc's upstream check ({@code grpc.health.upstreams}): one Watch call,
	 * changes pushed.
	 */
	PUSHED("upstream check"),

	/**
	 * What users write today: a {@code @HealthCheck} that makes a Health Check call every
	 * 1 s.
	 */
	POLLED("Check every 1 s");

	private final String label;

	Variant(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
