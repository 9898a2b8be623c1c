package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop Check load at a fixed rate, each call's latency timed from its intended send
 * time ({@code start + i / rate}), not from when it was sent: a server that stalls holds
 * the sender up (once the calls in flight reach their bound) and every call due meanwhile
 * carries the stall in its latency, so coordinated omission cannot hide it.
 */
public final class OpenLoopCheckLoad {

	/**
	 * The rates the harness runs on every peer, in calls per second.
	 */
	public static final List<Integer> RATES = List.of(1_000, 5_000, 10_000);

	// Far above what a healthy server has in flight at 10,000 calls/s (a few): the bound
	// only keeps a stalled server from piling up an unbounded queue.
	private static final int MAX_IN_FLIGHT = 4_096;

	private final Channels channels;

	private final HealthCheckRequest request;

	private final int maxInFlight;

	/**
	 * A load on the overall service.
	 * @param channels the connections to spread the calls over
	 */
	public OpenLoopCheckLoad(Channels channels) {
		this(channels, "", MAX_IN_FLIGHT);
	}

	/**
	 * A load on a service, with a bound on the calls in flight.
	 * @param channels the connections to spread the calls over
	 * @param service the service asked
	 * @param maxInFlight the calls in flight before the sender waits
	 */
	public OpenLoopCheckLoad(Channels channels, String service, int maxInFlight) {
		this.channels = channels;
		this.request = HealthCheckRequest.newBuilder().setService(service).build();
		this.maxInFlight = maxInFlight;
	}

	/**
	 * Send calls at a rate for a while, then wait for the last answers.
	 * @param callsPerSecond the rate
	 * @param duration how long to send
	 * @return the figures
	 */
	public Result run(int callsPerSecond, Duration duration) throws InterruptedException {
		Recorder latencies = new Recorder(3);
		Semaphore inFlight = new Semaphore(this.maxInFlight);
		AtomicLong completed = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long calls = duration.toNanos() * callsPerSecond / 1_000_000_000L;
		long start = System.nanoTime();
		for (long i = 0; i < calls; i++) {
			long intended = start + i * 1_000_000_000L / callsPerSecond;
			for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			inFlight.acquire();
			HealthGrpc.newStub(this.channels.get((int) (i % this.channels.size())))
				.check(this.request, new Timed(intended, latencies, inFlight, completed, failed));
		}
		if (!inFlight.tryAcquire(this.maxInFlight, 30, TimeUnit.SECONDS)) {
			failed.addAndGet(this.maxInFlight - inFlight.availablePermits());
		}
		long elapsed = System.nanoTime() - start;
		Histogram histogram = latencies.getIntervalHistogram();
		return new Result(callsPerSecond, completed.get() * 1e9 / elapsed, histogram.getValueAtPercentile(50) / 1e3,
				histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
				histogram.getMaxValue() / 1e3, completed.get(), failed.get());
	}

	/**
	 * The figures of one run, latencies from each call's intended send time.
	 *
	 * @param targetRate the rate asked for, calls per second
	 * @param achievedRate the calls completed per second, until the last answer
	 * @param p50Micros median latency
	 * @param p99Micros 99th percentile latency
	 * @param p999Micros 99.9th percentile latency
	 * @param maxMicros highest latency
	 * @param completed calls answered OK
	 * @param failures calls that failed or were never answered
	 */
	public record Result(int targetRate, double achievedRate, double p50Micros, double p99Micros, double p999Micros,
			double maxMicros, long completed, long failures) {

	}

	private record Timed(long intended, Recorder latencies, Semaphore inFlight, AtomicLong completed,
			AtomicLong failed) implements StreamObserver<HealthCheckResponse> {

		@Override
		public void onNext(HealthCheckResponse value) {
		}

		@Override
		public void onError(Throwable error) {
			this.failed.incrementAndGet();
			this.inFlight.release();
		}

		@Override
		public void onCompleted() {
			// From the intended send time: what a client sending on its clock would see.
			this.latencies.recordValue(Math.max(0, System.nanoTime() - this.intended));
			this.completed.incrementAndGet();
			this.inFlight.release();
		}

	}

}
