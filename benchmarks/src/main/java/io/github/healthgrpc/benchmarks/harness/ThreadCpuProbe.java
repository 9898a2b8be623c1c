package io.github.healthgrpc.benchmarks.harness;

import io.github.healthgrpc.benchmarks.load.ServerProbe;
import io.github.healthgrpc.benchmarks.peer.ThreadCpu;
import io.github.healthgrpc.benchmarks.processes.PeerProcess;
import org.jspecify.annotations.Nullable;

/**
 * Asks a peer for its CPU time by thread group at each end of a measured period, and for
 * its JIT's activity during the warm-up.
 */
final class ThreadCpuProbe implements ServerProbe {

	private final PeerProcess process;

	private ThreadCpu.@Nullable Sample start;

	private ThreadCpu.@Nullable Sample period;

	private long calls;

	ThreadCpuProbe(PeerProcess process) {
		this.process = process;
	}

	@Override
	public long compileMillis() {
		return this.process.threadCpu().compileMillis();
	}

	@Override
	public void periodStarts() {
		this.start = this.process.threadCpu();
	}

	@Override
	public void periodEnds(long calls) {
		if (this.start != null) {
			this.period = this.process.threadCpu().minus(this.start);
			this.calls = calls;
		}
	}

	/**
	 * The CPU time by group over the measured period, per completed call.
	 * @return microseconds per call: request, JIT, GC threads; NaN without a period
	 */
	double[] microsPerCall() {
		ThreadCpu.Sample spent = this.period;
		if (spent == null || this.calls == 0) {
			return new double[] { Double.NaN, Double.NaN, Double.NaN };
		}
		return new double[] { spent.requestNanos() / 1e3 / this.calls, spent.jitNanos() / 1e3 / this.calls,
				spent.gcNanos() / 1e3 / this.calls };
	}

}
