package io.github.healthgrpc.benchmarks.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.LongAdder;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * How a load's Check calls ended: answers by status, errors by gRPC code. A load counts
 * what it is told, so that a server that answers fast but wrongly (an error, or a status
 * other than the one expected) is seen, not counted as a call served.
 */
public final class Answers {

	private final ServingStatus expected;

	private final Map<ServingStatus, LongAdder> statuses = new EnumMap<>(ServingStatus.class);

	private final Map<Status.Code, LongAdder> errors = new EnumMap<>(Status.Code.class);

	/**
	 * Counters for a load whose every call should answer one status.
	 * @param expected that status
	 */
	public Answers(ServingStatus expected) {
		this.expected = expected;
		for (ServingStatus status : ServingStatus.values()) {
			this.statuses.put(status, new LongAdder());
		}
		for (Status.Code code : Status.Code.values()) {
			this.errors.put(code, new LongAdder());
		}
	}

	void answered(ServingStatus status) {
		this.statuses.get(status).increment();
	}

	void failed(Throwable error) {
		this.errors.get(Status.fromThrowable(error).getCode()).increment();
	}

	/**
	 * How many calls answered a status.
	 */
	public long count(ServingStatus status) {
		return this.statuses.get(status).sum();
	}

	/**
	 * How many calls failed with a code.
	 */
	public long count(Status.Code code) {
		return this.errors.get(code).sum();
	}

	/**
	 * How many calls failed, or answered another status than the one expected.
	 */
	public long unexpected() {
		long unexpected = this.errors.values().stream().mapToLong(LongAdder::sum).sum();
		for (Map.Entry<ServingStatus, LongAdder> entry : this.statuses.entrySet()) {
			if (entry.getKey() != this.expected) {
				unexpected += entry.getValue().sum();
			}
		}
		return unexpected;
	}

	/**
	 * Whether the figures of this load are in doubt: a call failed, answered another
	 * status than the one expected, or none answered at all.
	 */
	public boolean marked() {
		return unexpected() > 0 || this.statuses.values().stream().mapToLong(LongAdder::sum).sum() == 0;
	}

	/**
	 * The counts that are not zero, such as
	 * {@code SERVING 120345, UNAVAILABLE (error) 2}; with a mark in front when the
	 * figures are in doubt (see {@link #marked()}).
	 */
	public String describe() {
		StringJoiner counts = new StringJoiner(", ");
		this.statuses.forEach((status, count) -> {
			if (count.sum() > 0) {
				counts.add(status + " " + count.sum());
			}
		});
		this.errors.forEach((code, count) -> {
			if (count.sum() > 0) {
				counts.add(code + " (error) " + count.sum());
			}
		});
		String text = (counts.length() > 0) ? counts.toString() : "no answers";
		return marked() ? "**marked** (expected " + this.expected + " only): " + text : text;
	}

}
