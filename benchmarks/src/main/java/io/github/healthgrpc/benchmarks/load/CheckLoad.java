package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop Check load: a fixed number of calls always in flight, each call started the
 * moment the previous one of its lane answered, over several loopback connections.
 * Measures calls per second, latency and the server's CPU time per call. The warm-up ends
 * on a signal, not a clock: once a one-second window (from the second on) shows the
 * server's JIT quiet, or where its JIT is unknown the throughput within 10 % of the
 * window before, bounded by a longest warm-up.
 */
public final class CheckLoad {

	// The overall service: every peer answers it with SERVING from a lookup (devh's
	// default service knows no other).
	private static final HealthCheckRequest REQUEST = HealthCheckRequest.newBuilder().setService("").build();

	private final Channels channels;

	private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

	// JIT compilation time a window may grow by and still count as quiet (1 % of it): a
	// loaded JVM keeps compiling the odd method long after its hot paths.
	private static final long QUIET_COMPILE_MILLIS = 10;

	private final LongSupplier serverCpuNanos;

	private final ServerProbe probe;

	public CheckLoad(Channels channels, LongSupplier serverCpuNanos) {
		this(channels, serverCpuNanos, ServerProbe.NONE);
	}

	public CheckLoad(Channels channels, LongSupplier serverCpuNanos, ServerProbe probe) {
		this.channels = channels;
		this.serverCpuNanos = serverCpuNanos;
		this.probe = probe;
	}

	/**
	 * Run the load: a warm-up, then a measured period.
	 * @param concurrency calls in flight
	 * @param warmUp the longest unmeasured time first (it ends sooner once the server
	 * settles)
	 * @param measured measured time
	 * @return the figures of the measured period
	 */
	public Result run(int concurrency, Duration warmUp, Duration measured) throws InterruptedException {
		Recorder latencies = new Recorder(3);
		AtomicLong calls = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		// Over the warm-up too: a wrong answer anywhere puts the run in doubt.
		Answers answers = new Answers(ServingStatus.SERVING);
		for (int lane = 0; lane < concurrency; lane++) {
			HealthGrpc.HealthStub stub = HealthGrpc.newStub(this.channels.get(lane));
			new Lane(stub, latencies, calls, failures, answers, running).next();
		}
		long warmUpStart = System.nanoTime();
		WarmUp settled = warmUp(calls, warmUp);
		double warmUpMillis = (System.nanoTime() - warmUpStart) / 1e6;
		latencies.reset();
		this.probe.periodStarts();
		long callsBefore = calls.get();
		long failuresBefore = failures.get();
		long cpuBefore = this.serverCpuNanos.getAsLong();
		long start = System.nanoTime();
		Thread.sleep(measured.toMillis());
		long elapsed = System.nanoTime() - start;
		long cpu = this.serverCpuNanos.getAsLong() - cpuBefore;
		long done = calls.get() - callsBefore;
		long failed = failures.get() - failuresBefore;
		this.probe.periodEnds(done);
		var histogram = latencies.getIntervalHistogram();
		running.set(false);
		return new Result(done * 1e9 / elapsed, histogram.getValueAtPercentile(50) / 1e3,
				histogram.getValueAtPercentile(99) / 1e3, (done > 0) ? cpu / 1e3 / done : Double.NaN, failed,
				warmUpMillis, settled.settled(), settled.last(), answers);
	}

	/**
	 * Wait in one-second windows, from the second on, until one shows the server's JIT
	 * quiet (or, where its JIT is unknown, the throughput steady), or the longest warm-up
	 * has passed.
	 * @return how the warm-up ended
	 */
	private WarmUp warmUp(AtomicLong calls, Duration longest) throws InterruptedException {
		long end = System.nanoTime() + longest.toNanos();
		long previousCalls = calls.get();
		long previousCompile = this.probe.compileMillis();
		boolean jitKnown = previousCompile > 0;
		double previousRate = -1;
		String last = "no whole window";
		while (end - System.nanoTime() >= WINDOW_NANOS) {
			long windowStart = System.nanoTime();
			TimeUnit.NANOSECONDS.sleep(WINDOW_NANOS);
			long nowCalls = calls.get();
			long compile = this.probe.compileMillis();
			double rate = (nowCalls - previousCalls) * 1e9 / (System.nanoTime() - windowStart);
			boolean jitQuiet = compile - previousCompile <= QUIET_COMPILE_MILLIS;
			boolean steady = previousRate > 0 && Math.abs(rate - previousRate) <= 0.1 * previousRate;
			last = String.format(Locale.ROOT, "last window: JIT +%d ms, throughput %.0f calls/s (previous %.0f)",
					compile - previousCompile, rate, previousRate);
			if (previousRate >= 0 && (jitKnown ? jitQuiet : steady)) {
				return new WarmUp(true, last);
			}
			previousCalls = nowCalls;
			previousCompile = compile;
			previousRate = rate;
		}
		TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
		return new WarmUp(false, last);
	}

	private record WarmUp(boolean settled, String last) {

	}

	/**
	 * The figures of one run.
	 *
	 * @param callsPerSecond completed calls per second
	 * @param p50Micros median latency
	 * @param p99Micros 99th percentile latency
	 * @param cpuMicrosPerCall the server's CPU time per completed call
	 * @param failures calls that failed
	 * @param warmUpMillis how long the warm-up took
	 * @param warmedUp whether the warm-up ended on the server settling rather than on its
	 * bound
	 * @param warmUpEnd what its last window showed
	 * @param answers how every call of the run ended, the warm-up's included
	 */
	public record Result(double callsPerSecond, double p50Micros, double p99Micros, double cpuMicrosPerCall,
			long failures, double warmUpMillis, boolean warmedUp, String warmUpEnd, Answers answers) {

	}

	private record Lane(HealthGrpc.HealthStub stub, Recorder latencies, AtomicLong calls, AtomicLong failures,
			Answers answers, AtomicBoolean running) {

		void next() {
			if (!this.running.get()) {
				return;
			}
			long start = System.nanoTime();
			this.stub.check(REQUEST, new StreamObserver<>() {

				@Override
				public void onNext(HealthCheckResponse response) {
					Lane.this.answers.answered(response.getStatus());
				}

				@Override
				public void onError(Throwable error) {
					Lane.this.answers.failed(error);
					Lane.this.failures.incrementAndGet();
					next();
				}

				@Override
				public void onCompleted() {
					Lane.this.latencies.recordValue(System.nanoTime() - start);
					Lane.this.calls.incrementAndGet();
					next();
				}

			});
		}

	}

}
