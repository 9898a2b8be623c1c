package io.github.healthgrpc.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/**
 * Unary Check calls back to back from a few client threads ("lanes"), one per channel,
 * each with a deadline, so that calls are always in flight. Every lane classifies each
 * outcome and checks that the outcomes come in the only truthful order for a server that
 * shuts down: SERVING, then NOT_SERVING (the drain), then UNAVAILABLE (the server is
 * gone). A lane stops by itself after a bounded number of UNAVAILABLE calls.
 */
final class CheckTraffic {

	/** Each call's deadline: a call still open after it would be a hanging call. */
	static final long DEADLINE_MILLIS = 5_000;

	private static final int MAX_REPORTED = 20;

	private final List<Lane> lanes = new ArrayList<>();

	private final ExecutorService threads;

	private volatile boolean stopped;

	private CheckTraffic(int lanes) {
		this.threads = Executors.newFixedThreadPool(lanes);
	}

	/**
	 * Start one lane per channel, lane {@code i} checking {@code services[i % size]}.
	 * @param unavailableLimit how many UNAVAILABLE answers end a lane
	 */
	static CheckTraffic start(List<ManagedChannel> channels, List<String> services, int unavailableLimit) {
		CheckTraffic traffic = new CheckTraffic(channels.size());
		for (int i = 0; i < channels.size(); i++) {
			Lane lane = traffic.new Lane(channels.get(i), services.get(i % services.size()), unavailableLimit);
			traffic.lanes.add(lane);
			traffic.threads.execute(lane);
		}
		return traffic;
	}

	/**
	 * Stop every lane and wait for its last call to end.
	 * @return whether every lane ended within the time a call may take
	 */
	boolean stop() throws InterruptedException {
		this.stopped = true;
		this.threads.shutdown();
		return this.threads.awaitTermination(2 * DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
	}

	long sum(ToLongFunction<Lane> count) {
		return this.lanes.stream().mapToLong(count).sum();
	}

	long min(ToLongFunction<Lane> value) {
		return this.lanes.stream().mapToLong(value).min().orElseThrow();
	}

	long max(ToLongFunction<Lane> value) {
		return this.lanes.stream().mapToLong(value).max().orElseThrow();
	}

	/**
	 * Every outcome that was neither SERVING, NOT_SERVING nor UNAVAILABLE (read after
	 * {@link #stop()}).
	 */
	List<String> unexpected() {
		return this.lanes.stream().flatMap((lane) -> lane.unexpected.stream()).toList();
	}

	/**
	 * Every outcome that came after one it should have preceded, such as SERVING after
	 * NOT_SERVING (read after {@link #stop()}).
	 */
	List<String> outOfOrder() {
		return this.lanes.stream().flatMap((lane) -> lane.outOfOrder.stream()).toList();
	}

	/**
	 * One client thread's calls. Its figures are written by its thread only and read by
	 * the test while it runs: volatile fields, and the counts under the lane's lock.
	 */
	final class Lane implements Runnable {

		private static final String[] PHASES = { "SERVING", "NOT_SERVING", "UNAVAILABLE" };

		private final ManagedChannel channel;

		private final String service;

		private final int unavailableLimit;

		private final long[] counts = new long[PHASES.length];

		private final List<String> unexpected = new ArrayList<>();

		private final List<String> outOfOrder = new ArrayList<>();

		private volatile int phase;

		private volatile long calls;

		private volatile long firstNotServingAt = Long.MAX_VALUE;

		private volatile long lastNotServingAt = Long.MIN_VALUE;

		private volatile long firstUnavailableAt = Long.MAX_VALUE;

		private volatile long maxCallNanos;

		private volatile long maxUnavailableNanos;

		Lane(ManagedChannel channel, String service, int unavailableLimit) {
			this.channel = channel;
			this.service = service;
			this.unavailableLimit = unavailableLimit;
		}

		@Override
		public void run() {
			while (!CheckTraffic.this.stopped && count(2) < this.unavailableLimit) {
				long started = System.nanoTime();
				int outcome = call();
				long ended = System.nanoTime();
				this.calls++;
				this.maxCallNanos = Math.max(this.maxCallNanos, ended - started);
				if (outcome >= 0) {
					record(outcome, started, ended);
				}
			}
		}

		// The phase of the outcome (0, 1, 2), or -1 for an unexpected one, already noted.
		private int call() {
			try {
				ServingStatus status = HealthGrpc.newBlockingStub(this.channel)
					.withDeadlineAfter(DEADLINE_MILLIS, TimeUnit.MILLISECONDS)
					.check(HealthCheckRequest.newBuilder().setService(this.service).build())
					.getStatus();
				return switch (status) {
					case SERVING -> 0;
					case NOT_SERVING -> 1;
					default -> unexpected("answer " + status);
				};
			}
			catch (StatusRuntimeException ex) {
				Status status = ex.getStatus();
				return (status.getCode() == Status.Code.UNAVAILABLE) ? 2
						: unexpected(status.getCode() + " " + status.getDescription());
			}
		}

		private void record(int outcome, long started, long ended) {
			synchronized (this) {
				this.counts[outcome]++;
			}
			if (outcome < this.phase && this.outOfOrder.size() < MAX_REPORTED) {
				this.outOfOrder.add(this.service + ": " + PHASES[outcome] + " after " + PHASES[this.phase]);
			}
			this.phase = Math.max(this.phase, outcome);
			if (outcome == 1) {
				this.firstNotServingAt = Math.min(this.firstNotServingAt, ended);
				this.lastNotServingAt = ended;
			}
			if (outcome == 2) {
				this.firstUnavailableAt = Math.min(this.firstUnavailableAt, ended);
				this.maxUnavailableNanos = Math.max(this.maxUnavailableNanos, ended - started);
			}
		}

		private int unexpected(String what) {
			if (this.unexpected.size() < MAX_REPORTED) {
				this.unexpected.add(this.service + ": " + what);
			}
			return -1;
		}

		synchronized long count(int phase) {
			return this.counts[phase];
		}

		long serving() {
			return count(0);
		}

		long notServing() {
			return count(1);
		}

		long unavailable() {
			return count(2);
		}

		long calls() {
			return this.calls;
		}

		long firstNotServingAt() {
			return this.firstNotServingAt;
		}

		long lastNotServingAt() {
			return this.lastNotServingAt;
		}

		long firstUnavailableAt() {
			return this.firstUnavailableAt;
		}

		long maxCallNanos() {
			return this.maxCallNanos;
		}

		long maxUnavailableNanos() {
			return this.maxUnavailableNanos;
		}

	}

}
