package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * Many watchers of {@code demo.Inventory} (see {@link Peer#watchedService()}): the heap
 * each one holds on the server, how evenly one change reaches them all, and what a
 * SIGTERM does to them.
 */
public final class FanOut {

	private static final Duration ALL_HEAR_WITHIN = Duration.ofSeconds(30);

	private final PeerTarget target;

	public FanOut(PeerTarget target) {
		this.target = target;
	}

	/**
	 * Open a crowd, weigh it (heap after GC before and after, over the peer's control
	 * line), then close the pricing listener and time the change reaching every watcher.
	 */
	public void run(PeerProcess process, int size) throws IOException, InterruptedException {
		boolean large = size >= 10_000;
		long before = process.heapAfterGc();
		String service = this.target.peer().watchedService();
		try (WatchCrowd crowd = WatchCrowd.open(this.target.port(), size, service, ServingStatus.SERVING)) {
			long after = process.heapAfterGc();
			this.target.add(large ? Metric.FANOUT_10K_HEAP : Metric.FANOUT_1K_HEAP, (after - before) / (double) size);
			if (!this.target.peer().followsPricing()) {
				return;
			}
			WatchCrowd.Expectation down = crowd.expect(ServingStatus.NOT_SERVING);
			long start = System.nanoTime();
			this.target.pricing().close();
			down.await(ALL_HEAR_WITHIN);
			double[] heard = down.millisSince(start);
			double p50 = Figures.percentile(heard, 50);
			this.target.add(large ? Metric.FANOUT_10K_P50 : Metric.FANOUT_1K_P50, p50);
			this.target.add(large ? Metric.FANOUT_10K_SPREAD : Metric.FANOUT_1K_SPREAD,
					(heard.length == size) ? Figures.percentile(heard, 99) - p50 : Double.POSITIVE_INFINITY);
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

}
