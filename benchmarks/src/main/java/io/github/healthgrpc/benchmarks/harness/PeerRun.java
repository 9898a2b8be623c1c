package io.github.healthgrpc.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.github.healthgrpc.benchmarks.load.Channels;
import io.github.healthgrpc.benchmarks.load.CheckLoad;
import io.github.healthgrpc.benchmarks.load.FanOut;
import io.github.healthgrpc.benchmarks.load.Freshness;
import io.github.healthgrpc.benchmarks.load.PacedCheckLoad;
import io.github.healthgrpc.benchmarks.load.PeerTarget;
import io.github.healthgrpc.benchmarks.load.Phase;
import io.github.healthgrpc.benchmarks.load.PricingListener;
import io.github.healthgrpc.benchmarks.load.WatchCrowd;
import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerLauncher;
import io.github.healthgrpc.benchmarks.processes.PeerPorts;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Metric;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * One round on one peer: start it, then every measurement in turn, SIGTERM last.
 */
final class PeerRun {

	private final Peer peer;

	private final Plan plan;

	private final Figures figures;

	private final PricingListener pricing = PricingListener.onFreePort();

	private final int port = PeerPorts.free();

	PeerRun(Peer peer, Plan plan, Figures figures) {
		this.peer = peer;
		this.plan = plan;
		this.figures = figures;
	}

	void run(PeerLauncher launcher, Path log) throws IOException, InterruptedException {
		this.pricing.open();
		try (PeerProcess process = launcher.start(this.peer, this.port, this.pricing.address(), log)) {
			noteOverrides();
			awaitServing(this.peer.watchedService());
			if (!this.plan.pushOnly()) {
				checkLoads(process);
			}
			// The instrumented variants exist for the Check comparison alone.
			if (this.plan.checkOnly() || this.peer.isInstrumented()) {
				return;
			}
			pacedLoad();
			PeerTarget target = new PeerTarget(this.peer, this.port, this.pricing, this.figures);
			if (this.peer.followsPricing()) {
				new Freshness(target).tcp(process, this.plan.tcpCycles());
			}
			if (this.peer.hasManualCheck()) {
				new Freshness(target).manual(process, this.plan.manualChanges());
			}
			FanOut fanOut = new FanOut(target);
			for (int size : this.plan.fanOutSizes()) {
				fanOut.run(process, size);
			}
			fanOut.onePerConnection(process, Plan.ONE_PER_CONNECTION_WATCHERS);
			fanOut.sigterm(process, Plan.SIGTERM_WATCHERS);
		}
		finally {
			this.pricing.release();
		}
	}

	private void checkLoads(PeerProcess process) throws InterruptedException {
		// The first load also warms the server up (its JIT) until it settles, for at
		// most three times the plan's warm-up; the second needs less.
		Duration warmUp = this.plan.checkWarmUp();
		checkLoad(process, 16, warmUp.multipliedBy(3), Metric.CHECK_16_RATE, Metric.CHECK_16_P50, Metric.CHECK_16_P99,
				Metric.CHECK_16_CPU);
		checkLoad(process, 64, warmUp.dividedBy(2), Metric.CHECK_64_RATE, Metric.CHECK_64_P50, Metric.CHECK_64_P99,
				Metric.CHECK_64_CPU);
		new OpenLoopRun(this.peer, this.port, this.figures).run(process, this.plan.checkMeasured());
	}

	private void noteOverrides() {
		String overrides = this.peer.overrides();
		if (!overrides.isEmpty() && !this.figures.notes(this.peer).contains(overrides)) {
			this.figures.note(this.peer, overrides);
		}
	}

	private void awaitServing(String service) throws InterruptedException {
		try (WatchCrowd watcher = WatchCrowd.open(this.port, 1, service, ServingStatus.SERVING)) {
			// Open only to wait: Boot's health first polls 5 s after the start.
		}
	}

	private void checkLoad(PeerProcess process, int concurrency, Duration warmUp, Metric rate, Metric p50, Metric p99,
			Metric cpu) throws InterruptedException {
		try (Channels channels = new Channels(this.port, 4)) {
			ThreadCpuProbe probe = new ThreadCpuProbe(process);
			CheckLoad.Result result = new CheckLoad(channels, process::cpuNanos, probe).run(concurrency, warmUp,
					this.plan.checkMeasured());
			add(rate, result.callsPerSecond());
			add(p50, result.p50Micros());
			add(p99, result.p99Micros());
			add(cpu, result.cpuMicrosPerCall());
			threadCpu(concurrency, result, probe.microsPerCall());
			note(rate.label() + ": answers " + result.answers().describe());
		}
	}

	private void threadCpu(int concurrency, CheckLoad.Result result, double[] perCall) {
		boolean first = concurrency == 16;
		if (first) {
			add(Metric.CHECK_WARM_UP, result.warmUpMillis());
			if (!result.warmedUp()) {
				this.figures.note(this.peer, "the Check warm-up ended on its bound, not on the server settling ("
						+ result.warmUpEnd() + ")");
			}
		}
		add(first ? Metric.CHECK_16_REQUEST_CPU : Metric.CHECK_64_REQUEST_CPU, perCall[0]);
		add(first ? Metric.CHECK_16_JIT_CPU : Metric.CHECK_64_JIT_CPU, perCall[1]);
		add(first ? Metric.CHECK_16_GC_CPU : Metric.CHECK_64_GC_CPU, perCall[2]);
	}

	private void pacedLoad() throws InterruptedException {
		Duration duration = this.plan.pacedLoad();
		try (Channels channels = new Channels(this.port, 4)) {
			long start = System.nanoTime();
			// A service whose status follows the counted pricing check (devh's default
			// service knows only "").
			PacedCheckLoad.Result result = new PacedCheckLoad(channels, this.peer.watchedService()).run(Plan.PACED_RATE,
					duration);
			long end = System.nanoTime();
			add(Metric.LOAD_RATE, result.completed() * 1e9 / (end - start));
			note(Metric.LOAD_RATE.label() + " ('" + this.peer.watchedService() + "'): answers "
					+ result.answers().describe());
			add(Metric.LOAD_PRICING_RUNS, this.pricing.acceptedBetween(start, end));
			add(Metric.LOAD_PRICING_SCHEDULED, scheduledRuns(Duration.ofNanos(end - start)));
		}
	}

	private double scheduledRuns(Duration duration) {
		// devh's default health never asks the indicator.
		return (this.peer == Peer.DEVH) ? 0 : duration.toMillis() / (double) Phase.checkPeriod(this.peer).toMillis();
	}

	private void add(Metric metric, double value) {
		this.figures.add(this.peer, metric, value);
	}

	private void note(String note) {
		this.figures.note(this.peer, note);
	}

}
