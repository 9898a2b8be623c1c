package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.benchmarks.report.ChainMetric;
import io.github.healthgrpc.benchmarks.report.Variant;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * How fast a change travels a chain of three applications C → B → A, each following the
 * one it calls in both ways at once: A flips its manual check ({@code bench.Manual}); B
 * follows it with an upstream check ({@code chain.Pushed}) and with a polled check
 * ({@code chain.Polled}), and C follows B's two services the same way. One Watch client
 * on each service is the measurement point: every change is timed from A's watcher being
 * told to B's and to C's, for both ways on the very same change, so that whatever the
 * machine does hits both alike.
 */
public final class Propagation {

	/** A's service. */
	public static final String UPSTREAM_SERVICE = "bench.Manual";

	/** The service of B and C that follows the upstream check. */
	public static final String PUSHED_SERVICE = "chain.Pushed";

	/** The service of B and C that follows the polled check. */
	public static final String POLLED_SERVICE = "chain.Polled";

	// Two polls of 1 s and their timeouts, with slack: a later change counts as never.
	private static final Duration HEARD_WITHIN = Duration.ofSeconds(10);

	private final Peer server;

	private final PeerProcess upstream;

	private final int[] ports;

	private final ChainFigures figures;

	/**
	 * Measure a chain.
	 * @param server the health-grpc peer whose application A, B and C are
	 * @param upstream A's process, which flips its manual check and counts its calls
	 * @param ports the gRPC ports of A, B and C
	 * @param figures where the figures go
	 */
	public Propagation(Peer server, PeerProcess upstream, int[] ports, ChainFigures figures) {
		this.server = server;
		this.upstream = upstream;
		this.ports = ports.clone();
		this.figures = figures;
	}

	/**
	 * Flip A's status down and up, each change at a random moment of the polls' schedule
	 * once the last one reached C both ways.
	 * @param changes how many changes
	 */
	public void run(int changes) throws InterruptedException, IOException {
		List<Follower> followers = new ArrayList<>();
		try (WatchCrowd atA = WatchCrowd.open(this.ports[0], 1, UPSTREAM_SERVICE, ServingStatus.SERVING)) {
			followers.add(new Follower(Variant.PUSHED, PUSHED_SERVICE, "upstream"));
			followers.add(new Follower(Variant.POLLED, POLLED_SERVICE, "polled"));
			CallCounts before = CallCounts.of(this.upstream);
			long start = System.nanoTime();
			for (int i = 0; i < changes; i++) {
				Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
				ServingStatus status = (i % 2 == 1) ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
				WatchCrowd.Expectation toldA = atA.expect(status);
				followers.forEach((follower) -> follower.expect(status));
				long flip = System.nanoTime();
				this.upstream.send((status == ServingStatus.SERVING) ? "up" : "down");
				double a = heard(toldA, flip, System.nanoTime() + HEARD_WITHIN.toNanos());
				for (Follower follower : followers) {
					follower.heard(flip, a);
				}
			}
			CallCounts after = CallCounts.of(this.upstream);
			double minutes = (System.nanoTime() - start) / 60e9;
			for (Follower follower : followers) {
				follower.report(before, after, minutes);
			}
		}
		finally {
			for (Follower follower : followers) {
				follower.close();
			}
		}
	}

	private static double heard(WatchCrowd.Expectation expectation, long since, long deadline)
			throws InterruptedException {
		return expectation.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))
				? expectation.millisSince(since)[0] : Double.POSITIVE_INFINITY;
	}

	// A change one of them never heard took forever between them.
	private static double between(double earlier, double later) {
		return (Double.isInfinite(earlier) || Double.isInfinite(later)) ? Double.POSITIVE_INFINITY : later - earlier;
	}

	/**
	 * B and C following their upstream in one way: their Watch clients and timings.
	 */
	private final class Follower implements AutoCloseable {

		private final Variant variant;

		private final String caller;

		private final WatchCrowd atB;

		private final WatchCrowd atC;

		private final Samples hop = new Samples();

		private final Samples secondHop = new Samples();

		private final Samples chain = new Samples();

		private WatchCrowd.Expectation toldB;

		private WatchCrowd.Expectation toldC;

		Follower(Variant variant, String service, String caller) throws InterruptedException {
			this.variant = variant;
			this.caller = caller;
			this.atB = WatchCrowd.open(Propagation.this.ports[1], 1, service, ServingStatus.SERVING);
			try {
				this.atC = WatchCrowd.open(Propagation.this.ports[2], 1, service, ServingStatus.SERVING);
			}
			catch (RuntimeException | InterruptedException ex) {
				this.atB.close();
				throw ex;
			}
		}

		void expect(ServingStatus status) {
			this.toldB = this.atB.expect(status);
			this.toldC = this.atC.expect(status);
		}

		void heard(long flip, double a) throws InterruptedException {
			long deadline = flip + HEARD_WITHIN.toNanos();
			double b = Propagation.heard(this.toldB, flip, deadline);
			double c = Propagation.heard(this.toldC, flip, deadline);
			this.hop.accept(between(a, b));
			this.secondHop.accept(between(b, c));
			this.chain.accept(between(a, c));
		}

		void report(CallCounts before, CallCounts after, double minutes) {
			add(ChainMetric.HOP_P50, this.hop.percentile(50));
			add(ChainMetric.HOP_P99, this.hop.percentile(99));
			add(ChainMetric.HOP_MAX, this.hop.percentile(100));
			add(ChainMetric.SECOND_HOP_P50, this.secondHop.percentile(50));
			add(ChainMetric.SECOND_HOP_P99, this.secondHop.percentile(99));
			add(ChainMetric.SECOND_HOP_MAX, this.secondHop.percentile(100));
			add(ChainMetric.CHAIN_P50, this.chain.percentile(50));
			add(ChainMetric.CHAIN_P99, this.chain.percentile(99));
			add(ChainMetric.CHAIN_MAX, this.chain.percentile(100));
			String check = "Check." + this.caller;
			String watch = "Watch." + this.caller;
			add(ChainMetric.UPSTREAM_CHECKS, (after.started(check) - before.started(check)) / minutes);
			add(ChainMetric.UPSTREAM_WATCHES, (after.started(watch) - before.started(watch)) / minutes);
			add(ChainMetric.UPSTREAM_WATCHES_OPEN, after.open(watch));
		}

		private void add(ChainMetric metric, double value) {
			Propagation.this.figures.add(Propagation.this.server, this.variant, metric, value);
		}

		@Override
		public void close() throws InterruptedException {
			this.atB.close();
			this.atC.close();
		}

	}

}
