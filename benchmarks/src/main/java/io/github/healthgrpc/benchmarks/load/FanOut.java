package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * Many watchers of {@code demo.Inventory} (see {@link Peer#watchedService()}): the memory
 * each one holds on the server, how evenly one change reaches them all, and what a
 * SIGTERM does to them.
 */
public final class FanOut {

	private static final Duration ALL_HEAR_WITHIN = Duration.ofSeconds(30);

	private final PeerTarget target;

	private final RandomGenerator random = new Random();

	public FanOut(PeerTarget target) {
		this.target = target;
	}

	/**
	 * A crowd packed {@value WatchCrowd#PER_CONNECTION} watchers to a connection: see
	 * {@link #run(PeerProcess, int, int)}.
	 * @param process the peer
	 * @param size how many watchers
	 */
	public void run(PeerProcess process, int size) throws IOException, InterruptedException {
		run(process, size, WatchCrowd.PER_CONNECTION);
	}

	/**
	 * A crowd of one watcher per connection: see {@link #run(PeerProcess, int, int)}.
	 * @param process the peer
	 * @param size how many watchers, and connections
	 */
	public void onePerConnection(PeerProcess process, int size) throws IOException, InterruptedException {
		run(process, size, 1);
	}

	/**
	 * Open a crowd, weigh it (heap after GC, direct memory and resident set size, before
	 * and after, over the peer's control line), then, at a random phase of the peer's
	 * check schedule, close the pricing listener and time the change reaching every
	 * watcher.
	 */
	private void run(PeerProcess process, int size, int perConnection) throws IOException, InterruptedException {
		Shape shape = Shape.of(size, perConnection);
		PeerMemory before = PeerMemory.of(process);
		String service = this.target.peer().watchedService();
		try (WatchCrowd crowd = WatchCrowd.open(this.target.port(), size, perConnection, service,
				ServingStatus.SERVING)) {
			PeerMemory after = PeerMemory.of(process);
			this.target.add(shape.heap, (after.heap() - before.heap()) / (double) size);
			this.target.add(shape.direct, (after.direct() - before.direct()) / (double) size);
			this.target.add(shape.residentSetSize,
					(after.residentSetSize() - before.residentSetSize()) / (double) size);
			if (!this.target.peer().followsPricing()) {
				return;
			}
			// Not right after the crowd opened: anywhere in the check's schedule.
			Phase.sleep(Phase.checkPeriod(this.target.peer()), this.random);
			WatchCrowd.Expectation down = crowd.expect(ServingStatus.NOT_SERVING);
			long start = System.nanoTime();
			this.target.pricing().close();
			down.await(ALL_HEAR_WITHIN);
			HeardTimes heard = HeardTimes.of(down.millisSince(start), size);
			this.target.add(shape.p0, heard.p0());
			this.target.add(shape.p50, heard.p50());
			this.target.add(shape.p99, heard.p99());
			this.target.add(shape.max, heard.max());
			this.target.add(shape.spread, heard.spread());
			WatchCrowd.Expectation up = crowd.expect(ServingStatus.SERVING);
			this.target.pricing().open();
			up.await(ALL_HEAR_WITHIN);
		}
	}

	/**
	 * SIGTERM with watchers open: when each hears NOT_SERVING, how each stream ends, and
	 * when the process exits.
	 * @param process the peer to stop
	 * @param watchers how many Watch calls are open when it is stopped
	 */
	public void sigterm(PeerProcess process, int watchers) throws InterruptedException {
		try (WatchCrowd crowd = WatchCrowd.open(this.target.port(), watchers, this.target.peer().watchedService(),
				ServingStatus.SERVING)) {
			WatchCrowd.Expectation down = crowd.expect(ServingStatus.NOT_SERVING);
			long start = System.nanoTime();
			process.terminate();
			boolean exited = process.process().waitFor(60, TimeUnit.SECONDS);
			long exit = System.nanoTime();
			crowd.awaitEnded(Duration.ofSeconds(5));
			double[] told = down.millisSince(start);
			this.target.add(Metric.SIGTERM_TOLD, told.length);
			this.target.add(Metric.SIGTERM_TOLD_P99,
					(told.length == watchers) ? Figures.percentile(told, 99) : Double.POSITIVE_INFINITY);
			this.target.add(Metric.SIGTERM_COMPLETED, crowd.completed());
			this.target.add(Metric.SIGTERM_EXIT, exited ? (exit - start) / 1e6 : Double.POSITIVE_INFINITY);
			if (crowd.completed() < watchers) {
				this.target.figures()
					.note(this.target.peer(), "SIGTERM: streams that did not complete, by status: " + crowd.failures());
			}
		}
	}

	/**
	 * The figures of one shape of crowd: 1,000 or 10,000 watchers packed on connections
	 * of {@value WatchCrowd#PER_CONNECTION}, or one watcher per connection.
	 */
	private enum Shape {

		PACKED_1K(Metric.FANOUT_1K_P0, Metric.FANOUT_1K_P50, Metric.FANOUT_1K_P99, Metric.FANOUT_1K_MAX,
				Metric.FANOUT_1K_SPREAD, Metric.FANOUT_1K_HEAP, Metric.FANOUT_1K_DIRECT, Metric.FANOUT_1K_RSS),

		PACKED_10K(Metric.FANOUT_10K_P0, Metric.FANOUT_10K_P50, Metric.FANOUT_10K_P99, Metric.FANOUT_10K_MAX,
				Metric.FANOUT_10K_SPREAD, Metric.FANOUT_10K_HEAP, Metric.FANOUT_10K_DIRECT, Metric.FANOUT_10K_RSS),

		ONE_PER_CONNECTION(Metric.FANOUT_SOLO_P0, Metric.FANOUT_SOLO_P50, Metric.FANOUT_SOLO_P99,
				Metric.FANOUT_SOLO_MAX, Metric.FANOUT_SOLO_SPREAD, Metric.FANOUT_SOLO_HEAP, Metric.FANOUT_SOLO_DIRECT,
				Metric.FANOUT_SOLO_RSS);

		private final Metric p0;

		private final Metric p50;

		private final Metric p99;

		private final Metric max;

		private final Metric spread;

		private final Metric heap;

		private final Metric direct;

		private final Metric residentSetSize;

		Shape(Metric p0, Metric p50, Metric p99, Metric max, Metric spread, Metric heap, Metric direct,
				Metric residentSetSize) {
			this.p0 = p0;
			this.p50 = p50;
			this.p99 = p99;
			this.max = max;
			this.spread = spread;
			this.heap = heap;
			this.direct = direct;
			this.residentSetSize = residentSetSize;
		}

		static Shape of(int size, int perConnection) {
			if (perConnection == 1) {
				return ONE_PER_CONNECTION;
			}
			return (size >= 10_000) ? PACKED_10K : PACKED_1K;
		}

	}

}
