package io.github.healthgrpc.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerLauncher;
import io.github.healthgrpc.benchmarks.processes.PeerPorts;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.processes.StartCost;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.github.healthgrpc.sample.PricingServer;

/**
 * Starts of a peer for their startup alone, in interleaved pairs: the same application
 * without and with the starter ({@link Peer#DEVH} and {@link Peer#HEALTH_GRPC_DEVH},
 * {@link Peer#BOOT} and {@link Peer#HEALTH_GRPC_BOOT}) one after the other, which of them
 * first alternating, so that a change in the machine's load falls on both. A pair is
 * recorded only whole, so that the i-th values of the two peers are one pair (what
 * {@link Goals} compares). Each starts the application alone, without the harness's own
 * beans, so that the two differ by the starter only.
 */
final class Startups {

	private static final Duration FIRST_SERVING_TIMEOUT = Duration.ofSeconds(30);

	private Startups() {
	}

	/**
	 * The pairs of peers that this run has both of.
	 */
	static List<List<Peer>> pairsIn(List<Peer> peers) {
		List<List<Peer>> pairs = new ArrayList<>();
		for (Peer with : List.of(Peer.HEALTH_GRPC_DEVH, Peer.HEALTH_GRPC_BOOT)) {
			Peer without = (with == Peer.HEALTH_GRPC_DEVH) ? Peer.DEVH : Peer.BOOT;
			if (peers.contains(with) && peers.contains(without)) {
				pairs.add(List.of(without, with));
			}
		}
		return pairs;
	}

	/**
	 * Start each pair of peers a number of times.
	 * @param peers the run's peers
	 * @param pairs starts of each pair
	 */
	static void measure(List<Peer> peers, int pairs, PeerLauncher launcher, Figures figures, Path log)
			throws IOException, InterruptedException {
		for (int i = 0; i < pairs; i++) {
			for (List<Peer> pair : pairsIn(peers)) {
				// without, with; then with, without.
				List<Peer> order = (i % 2 == 0) ? pair : List.of(pair.get(1), pair.get(0));
				Start first = start(order.get(0), launcher, log);
				Start second = start(order.get(1), launcher, log);
				System.out.println("    start " + (i + 1) + ": " + first + "; " + second);
				if (first != null && second != null) {
					// The first SERVING too only in pairs: a start that heard none drops
					// that figure from both.
					boolean serving = first.firstServingMillis() >= 0 && second.firstServingMillis() >= 0;
					first.record(figures, serving);
					second.record(figures, serving);
				}
			}
		}
	}

	private static Start start(Peer peer, PeerLauncher launcher, Path log) throws IOException, InterruptedException {
		int port = PeerPorts.free();
		try (PricingServer pricing = PricingServer.onFreePort()) {
			pricing.open();
			long started = System.nanoTime();
			// The watcher opens its Watch once the peer is ready, not before: a Watch
			// served during the start would load the classes it needs before they are
			// counted, and more so for whichever peer it happened to reach first.
			try (PeerProcess process = launcher.startAlone(peer, port, pricing.address(), log);
					FirstServing watch = new FirstServing(port, peer.watchedService())) {
				long serving = watch.awaitServing(FIRST_SERVING_TIMEOUT);
				process.kill();
				return new Start(peer, process.contextMillis(), process.startCost(),
						(serving < 0) ? -1 : (serving - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				System.out.println("    " + peer.label() + " did not start: " + ex.getMessage());
				return null;
			}
		}
	}

	/**
	 * One start's figures.
	 *
	 * @param peer which peer
	 * @param contextMillis its context's start
	 * @param cost what it counted at ready
	 * @param firstServingMillis from before its process started to the first SERVING a
	 * watcher heard, {@code -1} for none
	 */
	private record Start(Peer peer, long contextMillis, StartCost cost, long firstServingMillis) {

		void record(Figures figures, boolean withServing) {
			figures.add(this.peer, Metric.STARTUP_CONTEXT, this.contextMillis);
			figures.add(this.peer, Metric.STARTUP_CLASSES, this.cost.classes());
			figures.add(this.peer, Metric.STARTUP_BEANS, this.cost.beanDefinitions());
			figures.add(this.peer, Metric.STARTUP_CPU, this.cost.cpuNanos() / 1e6);
			figures.add(this.peer, Metric.STARTUP_MAIN_THREAD_CPU, this.cost.mainThreadCpuNanos() / 1e6);
			if (this.cost.jitMillis() >= 0) {
				figures.add(this.peer, Metric.STARTUP_JIT, this.cost.jitMillis());
			}
			figures.add(this.peer, Metric.STARTUP_HEALTH_GRPC_STEPS, this.cost.healthGrpcStepNanos() / 1e6);
			if (withServing) {
				figures.add(this.peer, Metric.STARTUP_FIRST_SERVING, this.firstServingMillis);
			}
		}

		@Override
		public String toString() {
			return this.peer.label() + " context " + this.contextMillis + " ms, CPU " + this.cost.cpuNanos() / 1_000_000
					+ " ms (main thread " + this.cost.mainThreadCpuNanos() / 1_000_000 + " ms, JIT "
					+ this.cost.jitMillis() + " ms), " + this.cost.classes() + " classes, "
					+ this.cost.beanDefinitions() + " beans, health-grpc beans "
					+ this.cost.healthGrpcStepNanos() / 1_000_000 + " ms, first SERVING " + this.firstServingMillis
					+ " ms";
		}

	}

}
