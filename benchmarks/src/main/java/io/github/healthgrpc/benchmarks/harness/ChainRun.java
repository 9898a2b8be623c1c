package io.github.healthgrpc.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.healthgrpc.benchmarks.load.Propagation;
import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerLauncher;
import io.github.healthgrpc.benchmarks.processes.PeerPorts;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.sample.PricingServer;

/**
 * One round of the propagation chain on one server: three processes of the health-grpc
 * peer (A, B and C, each a JVM of its own as every peer of the harness is, so that each
 * server gets the class path its users have), B following A and C following B both with
 * an upstream check and with a polled check, then {@link Propagation}.
 */
final class ChainRun {

	/** The polled check's interval, what users write today. */
	static final String POLL_INTERVAL = "1s";

	private final Peer server;

	private final int changes;

	private final ChainFigures figures;

	ChainRun(Peer server, int changes, ChainFigures figures) {
		this.server = server;
		this.changes = changes;
		this.figures = figures;
	}

	/**
	 * Start A, B and C, measure, stop them.
	 * @param launcher how peers are started
	 * @param logs the folder of their logs
	 * @param prefix the start of their log files' names
	 */
	void run(PeerLauncher launcher, Path logs, String prefix) throws IOException, InterruptedException {
		int[] ports = { PeerPorts.free(), PeerPorts.free(), PeerPorts.free() };
		try (PricingServer pricing = PricingServer.onFreePort()) {
			pricing.open();
			String dependency = pricing.address();
			// All three at once: a follower that is up before its upstream reconnects
			// as grpc-java does, and the measurement waits for every service to serve.
			try (Chain chain = Chain.start(List.of(
					() -> launcher.start(this.server, ports[0], dependency, List.of("--bench.count-calls=true"),
							logs.resolve(prefix + "-A.log")),
					() -> launcher.start(this.server, ports[1], dependency,
							follower(ports[0], Propagation.UPSTREAM_SERVICE, Propagation.UPSTREAM_SERVICE),
							logs.resolve(prefix + "-B.log")),
					() -> launcher.start(this.server, ports[2], dependency,
							follower(ports[1], Propagation.PUSHED_SERVICE, Propagation.POLLED_SERVICE),
							logs.resolve(prefix + "-C.log"))))) {
				new Propagation(this.server, chain.processes.get(0), ports, this.figures).run(this.changes);
			}
		}
	}

	/**
	 * The settings of B or C: an upstream check of one service of its upstream, a polled
	 * check of another (the same one for B), each the only member of a service of its
	 * own.
	 */
	private static List<String> follower(int upstreamPort, String pushedService, String polledService) {
		String target = "127.0.0.1:" + upstreamPort;
		return List.of("--grpc.health.upstreams.upstream-pushed.target=" + target,
				"--grpc.health.upstreams.upstream-pushed.service=" + pushedService,
				"--grpc.health.services." + Propagation.PUSHED_SERVICE + ".include=upstream-pushed",
				"--bench.polled.target=" + target, "--bench.polled.service=" + polledService,
				"--bench.polled.deadline=400ms", "--grpc.health.checks.upstream-polled.interval=" + POLL_INTERVAL,
				"--grpc.health.checks.upstream-polled.timeout=500ms",
				"--grpc.health.services." + Propagation.POLLED_SERVICE + ".include=upstream-polled");
	}

	/**
	 * The three processes, started together and stopped together.
	 */
	private static final class Chain implements AutoCloseable {

		private final List<PeerProcess> processes;

		private Chain(List<PeerProcess> processes) {
			this.processes = processes;
		}

		static Chain start(List<Callable<PeerProcess>> starts) throws IOException, InterruptedException {
			ExecutorService executor = Executors.newFixedThreadPool(starts.size());
			try {
				List<PeerProcess> started = new ArrayList<>();
				ExecutionException failure = null;
				for (Future<PeerProcess> start : executor.invokeAll(starts)) {
					try {
						started.add(start.get());
					}
					catch (ExecutionException ex) {
						failure = ex;
					}
				}
				Chain chain = new Chain(started);
				if (failure != null) {
					chain.close();
					if (failure.getCause() instanceof IOException io) {
						throw io;
					}
					throw new IllegalStateException(failure.getCause().getMessage(), failure.getCause());
				}
				return chain;
			}
			finally {
				executor.shutdownNow();
			}
		}

		@Override
		public void close() throws InterruptedException {
			// All drain at once; each close then waits for its own.
			this.processes.forEach(PeerProcess::terminate);
			for (PeerProcess process : this.processes) {
				process.close();
			}
		}

	}

}
