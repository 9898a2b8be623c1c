package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
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
 * Measures calls per second, latency and the server's CPU time per call.
 */
public final class CheckLoad {

	// The overall service: every peer answers it with SERVING from a lookup (devh's
	// default service knows no other).
	private static final HealthCheckRequest REQUEST = HealthCheckRequest.newBuilder().setService("").build();

	private final Channels channels;

	private final LongSupplier serverCpuNanos;

	public CheckLoad(Channels channels, LongSupplier serverCpuNanos) {
		this.channels = channels;
		this.serverCpuNanos = serverCpuNanos;
	}

	/**
	 * Run the load: a warm-up, then a measured period.
	 * @param concurrency calls in flight
	 * @param warmUp unmeasured time first
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
		Thread.sleep(warmUp.toMillis());
		latencies.reset();
		long callsBefore = calls.get();
		long failuresBefore = failures.get();
		long cpuBefore = this.serverCpuNanos.getAsLong();
		long start = System.nanoTime();
		Thread.sleep(measured.toMillis());
		long elapsed = System.nanoTime() - start;
		long cpu = this.serverCpuNanos.getAsLong() - cpuBefore;
		long done = calls.get() - callsBefore;
		long failed = failures.get() - failuresBefore;
		var histogram = latencies.getIntervalHistogram();
		running.set(false);
		return new Result(done * 1e9 / elapsed, histogram.getValueAtPercentile(50) / 1e3,
				histogram.getValueAtPercentile(99) / 1e3, (done > 0) ? cpu / 1e3 / done : Double.NaN, failed, answers);
	}

	/**
	 * The figures of one run.
	 *
	 * @param callsPerSecond completed calls per second
	 * @param p50Micros median latency
	 * @param p99Micros 99th percentile latency
	 * @param cpuMicrosPerCall the server's CPU time per completed call
	 * @param failures calls that failed
	 * @param answers how every call of the run ended, the warm-up's included
	 */
	public record Result(double callsPerSecond, double p50Micros, double p99Micros, double cpuMicrosPerCall,
			long failures, Answers answers) {

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
