package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;

/**
 * Open-loop Check load at a fixed rate (calls are started on a clock, not when earlier
 * ones answer), with a bound on the calls in flight so that a server that falls behind is
 * seen as a lower achieved rate rather than an ever-growing queue.
 */
public final class PacedCheckLoad {

	private static final int MAX_IN_FLIGHT = 512;

	private final Channels channels;

	private final HealthCheckRequest request;

	/**
	 * A load on one service.
	 * @param channels the connections to the peer
	 * @param service the service asked for: one whose status follows a counted check
	 * ({@code demo.Inventory}, which follows {@code pricing}), so that a server that ran
	 * the check per call would show it (see {@code Peer#watchedService()})
	 */
	public PacedCheckLoad(Channels channels, String service) {
		this.channels = channels;
		this.request = HealthCheckRequest.newBuilder().setService(service).build();
	}

	/**
	 * Send calls at a rate for a while.
	 * @param callsPerSecond the rate
	 * @param duration how long
	 * @return the calls that completed, and how each ended
	 */
	public Result run(int callsPerSecond, Duration duration) throws InterruptedException {
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		AtomicLong completed = new AtomicLong();
		Answers answers = new Answers(ServingStatus.SERVING);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long sent = 0;
		int index = 0;
		while (System.nanoTime() < end) {
			long due = (System.nanoTime() - start) * callsPerSecond / 1_000_000_000L;
			while (sent < due && inFlight.tryAcquire()) {
				HealthGrpc.newStub(this.channels.get(index++))
					.check(this.request, new Counted(inFlight, completed, answers));
				sent++;
			}
			// A millisecond's worth of calls per tick (10 at 10,000/s): paced, not
			// bursty.
			Thread.sleep(1);
		}
		inFlight.acquire(MAX_IN_FLIGHT);
		return new Result(completed.get(), answers);
	}

	/**
	 * What a run did.
	 *
	 * @param completed the calls that completed
	 * @param answers how every call ended
	 */
	public record Result(long completed, Answers answers) {

	}

	private record Counted(Semaphore inFlight, AtomicLong completed,
			Answers answers) implements StreamObserver<HealthCheckResponse> {

		@Override
		public void onNext(HealthCheckResponse value) {
			this.answers.answered(value.getStatus());
		}

		@Override
		public void onError(Throwable error) {
			this.answers.failed(error);
			this.inFlight.release();
		}

		@Override
		public void onCompleted() {
			this.completed.incrementAndGet();
			this.inFlight.release();
		}

	}

}
