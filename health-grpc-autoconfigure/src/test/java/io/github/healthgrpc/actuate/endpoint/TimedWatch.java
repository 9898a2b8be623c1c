package io.github.healthgrpc.actuate.endpoint;

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
final class TimedWatch implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse>, AutoCloseable {

	private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

	private volatile ClientCallStreamObserver<HealthCheckRequest> call;

	static TimedWatch watch(Channel channel, String service) {
		TimedWatch watch = new TimedWatch();
		HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService(service).build(), watch);
		return watch;
	}

	/**
	 * The next message, waiting up to 10 seconds for it.
	 * @return the message
	 */
	Message next() throws InterruptedException {
		Message message = this.received.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a Watch message within 10 s").isNotNull();
		return message;
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
	record Message(ServingStatus status, long arrived) {

		/**
		 * Milliseconds from the given moment to the arrival; 0 if it arrived earlier.
		 */
		double millisAfter(long nanoTime) {
			return Math.max(0, this.arrived - nanoTime) / 1e6;
		}

	}

}
