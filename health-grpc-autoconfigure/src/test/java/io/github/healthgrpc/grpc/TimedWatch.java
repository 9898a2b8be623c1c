package io.github.healthgrpc.grpc;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client Watch call that records each message with the moment it arrived.
 */
public final class TimedWatch
		implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse>, AutoCloseable {

	private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

	private volatile ClientCallStreamObserver<HealthCheckRequest> call;

	/**
	 * Start a Watch call on the given service.
	 * @param channel the channel to call on
	 * @param service the service to watch
	 * @return the call
	 */
	public static TimedWatch watch(Channel channel, String service) {
		TimedWatch watch = new TimedWatch();
		HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService(service).build(), watch);
		return watch;
	}

	/**
	 * The next message, waiting up to 10 seconds for it.
	 * @return the message
	 */
	public Message next() throws InterruptedException {
		return next(Duration.ofSeconds(10));
	}

	/**
	 * The next message, waiting up to the given time for it.
	 * @param within how long to wait
	 * @return the message
	 */
	public Message next(Duration within) throws InterruptedException {
		Message message = this.received.poll(within.toNanos(), TimeUnit.NANOSECONDS);
		assertThat(message).as("a Watch message within %s", within).isNotNull();
		return message;
	}

	/**
	 * The first message with the given status, skipping any other, waiting up to the
	 * given time for it.
	 * @param status the status to wait for
	 * @param within how long to wait
	 * @return the message
	 */
	public Message until(ServingStatus status, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Message message = this.received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			assertThat(message).as("a Watch message saying %s within %s", status, within).isNotNull();
			if (message.status() == status) {
				return message;
			}
		}
	}

	@Override
	public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
		this.call = requestStream;
	}

	@Override
	public void onNext(HealthCheckResponse value) {
		this.received.add(new Message(value.getStatus(), System.nanoTime()));
	}

	@Override
	public void onError(Throwable throwable) {
	}

	@Override
	public void onCompleted() {
	}

	@Override
	public void close() {
		if (this.call != null) {
			this.call.cancel("test finished", null);
		}
	}

	/**
	 * A status and when it arrived ({@link System#nanoTime()}).
	 */
	public record Message(ServingStatus status, long arrived) {

		/**
		 * Milliseconds from the given moment to the arrival; 0 if it arrived earlier.
		 */
		public double millisAfter(long nanoTime) {
			return Math.max(0, this.arrived - nanoTime) / 1e6;
		}

	}

}
