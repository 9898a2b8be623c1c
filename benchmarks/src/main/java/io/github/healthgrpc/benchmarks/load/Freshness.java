package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

import io.github.healthgrpc.benchmarks.peer.WallClock;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * How soon a Watch client hears a change: of a real dependency (the pricing listener
 * refusing or blackholing connections, then accepting them again), and of a status that
 * application code sets. Each change is timed from where it happens as well as from where
 * the harness makes it: from the moment the peer's check saw it, and from the moment the
 * peer set the status, both stamped in the peer on the {@link WallClock}.
 */
public final class Freshness {

	// Boot's poll (5 s) plus the check's timeout and slack: a later change counts as
	// never.
	private static final Duration HEARD_WITHIN = Duration.ofSeconds(12);

	private final PeerTarget target;

	private final RandomGenerator random;

	public Freshness(PeerTarget target) {
		this(target, new Random());
	}

	Freshness(PeerTarget target, RandomGenerator random) {
		this.target = target;
		this.random = random;
	}

	/**
	 * Take the pricing dependency away and back, each cycle once refused (nothing
	 * listens) and once blackholed (connection attempts hang until the check's connect
	 * timeout), each change a pause drawn over the peer's check period after the last
	 * (see {@link Phase}), and time each change until the watcher hears it.
	 * @param process the peer, asked when its check saw each change
	 * @param cycles cycles of each kind (four changes per cycle)
	 */
	public void tcp(PeerProcess process, int cycles) throws InterruptedException, IOException {
		Flips refused = new Flips();
		Flips hung = new Flips();
		PricingListener pricing = this.target.pricing();
		try (WatchCrowd watcher = WatchCrowd.open(this.target.port(), 1, "demo.Inventory", ServingStatus.SERVING)) {
			// Interleaved, so that whatever else the machine does weighs on both alike.
			for (int i = 0; i < cycles; i++) {
				change(process, watcher, ServingStatus.NOT_SERVING, pricing::close, refused);
				change(process, watcher, ServingStatus.SERVING, pricing::open, refused);
				change(process, watcher, ServingStatus.NOT_SERVING, pricing::blackhole, hung);
				change(process, watcher, ServingStatus.SERVING, pricing::open, hung);
			}
		}
		refused.report(this.target, Metric.TCP_FRESH_P50, Metric.TCP_FRESH_MAX, Metric.TCP_FRESH_SAW_P50,
				Metric.TCP_FRESH_SAW_MAX);
		hung.report(this.target, Metric.TCP_HANG_P50, Metric.TCP_HANG_MAX, Metric.TCP_HANG_SAW_P50,
				Metric.TCP_HANG_SAW_MAX);
		this.target.figures()
			.note(this.target.peer(), "pricing outages: " + refused.describe("refused") + "; "
					+ hung.describe("blackholed") + paths(refused, hung));
	}

	private static String paths(Flips refused, Flips hung) {
		// A refused attempt fails at once, a dropped one waits out the connect timeout
		// (250 ms): a down change seen the other way did not test the path it names.
		long refusedSlow = refused.downSeenAfter(Flips.TIMED_OUT_MILLIS, true);
		long hungFast = hung.downSeenAfter(Flips.TIMED_OUT_MILLIS, false);
		if (refusedSlow == 0 && hungFast == 0) {
			return "";
		}
		return "; **marked**: " + refusedSlow + " refused outage(s) seen after a wait, " + hungFast
				+ " blackholed outage(s) seen without waiting out the connect timeout";
	}

	private void change(PeerProcess process, WatchCrowd watcher, ServingStatus status, Runnable cause, Flips flips)
			throws InterruptedException, IOException {
		Phase.sleep(Phase.checkPeriod(this.target.peer()), this.random);
		boolean up = status == ServingStatus.SERVING;
		WatchCrowd.Expectation expectation = watcher.expect(status);
		long since = WallClock.micros();
		long start = System.nanoTime();
		cause.run();
		if (!expectation.await(HEARD_WITHIN)) {
			flips.never(up);
			return;
		}
		double heard = expectation.millisSince(start)[0];
		String[] saw = process.ask("saw " + since + " " + (up ? "up" : "down")).split(" ");
		if ("none".equals(saw[3])) {
			flips.unseen(up, heard);
			return;
		}
		long sawStart = Long.parseLong(saw[3]);
		long sawEnd = Long.parseLong(saw[4]);
		flips.heard(up, heard, (since + heard * 1000 - sawEnd) / 1000, (sawEnd - sawStart) / 1000.0);
	}

	/**
	 * Set the peer's manual status down and up, timing each change until the watcher of
	 * {@code bench.Manual} hears it: from the moment the peer set it (its own stamp, just
	 * before the call that sets it), and from the moment the harness wrote the command to
	 * the peer's standard input (which adds the pipe and the peer's reading thread).
	 */
	public void manual(PeerProcess process, int changes) throws InterruptedException, IOException {
		Samples fromSet = new Samples();
		Samples fromWrite = new Samples();
		try (WatchCrowd watcher = WatchCrowd.open(this.target.port(), 1, "bench.Manual", ServingStatus.SERVING)) {
			for (int i = 0; i < changes; i++) {
				boolean up = i % 2 == 1;
				WatchCrowd.Expectation expectation = watcher
					.expect(up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
				long start = System.nanoTime();
				long set = Long.parseLong(process.ask(up ? "up" : "down").split(" ")[1]);
				if (expectation.await(Duration.ofSeconds(5))) {
					double heard = expectation.millisSince(start)[0];
					fromWrite.accept(heard);
					fromSet.accept((WallClock.micros(start) + heard * 1000 - set) / 1000);
				}
				else {
					fromWrite.accept(Double.POSITIVE_INFINITY);
					fromSet.accept(Double.POSITIVE_INFINITY);
				}
				Thread.sleep(this.random.nextLong(1, 10));
			}
		}
		fromSet.report(this.target, Metric.MANUAL_P50, 50);
		fromSet.report(this.target, Metric.MANUAL_P99, 99);
		fromWrite.report(this.target, Metric.MANUAL_WRITE_P50, 50);
		fromWrite.report(this.target, Metric.MANUAL_WRITE_P99, 99);
	}

}
