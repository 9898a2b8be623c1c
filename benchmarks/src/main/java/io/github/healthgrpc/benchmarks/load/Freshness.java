package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleConsumer;

import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * How soon a Watch client hears a change: of a real dependency (the pricing listener
 * closing and opening), and of a status that application code sets.
 */
public final class Freshness {

	// Boot's poll (5 s) plus the check's timeout and slack: a later change counts as
	// never.
	private static final Duration HEARD_WITHIN = Duration.ofSeconds(12);

	private final PeerTarget target;

	public Freshness(PeerTarget target) {
		this.target = target;
	}

	/**
	 * Close and open the pricing listener, at a random moment of the check's schedule
	 * each time, and time each change until the watcher hears it.
	 */
	public void tcp(int cycles) throws InterruptedException {
		Samples heard = new Samples();
		try (WatchCrowd watcher = WatchCrowd.open(this.target.port(), 1, "demo.Inventory", ServingStatus.SERVING)) {
			for (int i = 0; i < cycles; i++) {
				change(watcher, ServingStatus.NOT_SERVING, this.target.pricing()::close, heard);
				change(watcher, ServingStatus.SERVING, this.target.pricing()::open, heard);
			}
		}
		heard.report(this.target, Metric.TCP_FRESH_P50, 50);
		heard.report(this.target, Metric.TCP_FRESH_MAX, 100);
	}

	private void change(WatchCrowd watcher, ServingStatus status, Runnable cause, DoubleConsumer heard)
			throws InterruptedException {
		Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
		WatchCrowd.Expectation expectation = watcher.expect(status);
		long start = System.nanoTime();
		cause.run();
		heard.accept(expectation.await(HEARD_WITHIN) ? expectation.millisSince(start)[0] : Double.POSITIVE_INFINITY);
	}

	/**
	 * Set the peer's manual status down and up, timing each change until the watcher of
	 * {@code bench.Manual} hears it. The time includes the command's trip over the peer's
	 * standard input (tens of microseconds).
	 */
	public void manual(PeerProcess process, int changes) throws InterruptedException, IOException {
		Samples heard = new Samples();
		try (WatchCrowd watcher = WatchCrowd.open(this.target.port(), 1, "bench.Manual", ServingStatus.SERVING)) {
			for (int i = 0; i < changes; i++) {
				boolean up = i % 2 == 1;
				WatchCrowd.Expectation expectation = watcher
					.expect(up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
				long start = System.nanoTime();
				process.send(up ? "up" : "down");
				heard.accept(expectation.await(Duration.ofSeconds(5)) ? expectation.millisSince(start)[0]
						: Double.POSITIVE_INFINITY);
				Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10));
			}
		}
		heard.report(this.target, Metric.MANUAL_P50, 50);
		heard.report(this.target, Metric.MANUAL_P99, 99);
	}

}
