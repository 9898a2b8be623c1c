package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;

/**
 * Open-loop Check load at a fixed rate (calls are started on a clock, not when earlier
 * ones answer), with a bound on the calls in flight so that a server that falls behind is
 * seen as a lower achieved rate rather than an ever-growing queue.
 */
public final class PacedCheckLoad {

	// The overall service: every peer answers it with SERVING from a lookup (devh's
	// default service knows no other).
	private static final HealthCheckRequest REQUEST = HealthCheckRequest.newBuilder().setService("").build();

	private static final int MAX_IN_FLIGHT = 512;

	private final Channels channels;

	public PacedCheckLoad(Channels channels) {
		this.channels = channels;
	}

	/**
	 * Send calls at a rate for a while.
	 * @param callsPerSecond the rate
	 * @param duration how long
	 * @return the calls that completed
	 */
	public long run(int callsPerSecond, Duration duration) throws InterruptedException {
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		AtomicLong completed = new AtomicLong();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long sent = 0;
		int index = 0;
		while (System.nanoTime() < end) {
			long due = (System.nanoTime() - start) * callsPerSecond / 1_000_000_000L;
			while (sent < due && inFlight.tryAcquire()) {
				HealthGrpc.newStub(this.channels.get(index++)).check(REQUEST, new Counted(inFlight, completed));
				sent++;
			}
			// A millisecond's worth of calls per tick (10 at 10,000/s): paced, not
			// bursty.
			Thread.sleep(1);
		}
		inFlight.acquire(MAX_IN_FLIGHT);
		return completed.get();
	}

	private record Counted(Semaphore inFlight, AtomicLong completed) implements StreamObserver<HealthCheckResponse> {

		@Override
		public void onNext(HealthCheckResponse value) {
		}

		@Override
		public void onError(Throwable error) {
			this.inFlight.release();
		}

		@Override
		public void onCompleted() {
			this.completed.incrementAndGet();
			this.inFlight.release();
		}

	}

}
