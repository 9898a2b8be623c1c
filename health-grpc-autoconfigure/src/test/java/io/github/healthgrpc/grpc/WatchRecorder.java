package io.github.healthgrpc.grpc;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client Watch call that records what the server sends.
 */
public final class WatchRecorder
		implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse>, AutoCloseable {

	private final BlockingQueue<ServingStatus> received = new LinkedBlockingQueue<>();

	private final CountDownLatch ended = new CountDownLatch(1);

	private volatile ClientCallStreamObserver<HealthCheckRequest> call;

	private volatile Throwable error;

	private volatile boolean completed;

	/**
	 * Start a Watch call on the given service.
	 */
	public static WatchRecorder watch(HealthGrpc.HealthStub stub, String service) {
		WatchRecorder recorder = new WatchRecorder();
		stub.watch(HealthCheckRequest.newBuilder().setService(service).build(), recorder);
		return recorder;
	}

	@Override
	public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
		this.call = requestStream;
	}

	@Override
	public void onNext(HealthCheckResponse value) {
		this.received.add(value.getStatus());
	}

	@Override
	public void onError(Throwable throwable) {
		this.error = throwable;
		this.ended.countDown();
	}

	@Override
	public void onCompleted() {
		this.completed = true;
		this.ended.countDown();
	}

	/**
	 * The next status the server sent, waiting up to 10 seconds for it.
	 */
	public ServingStatus next() throws InterruptedException {
		ServingStatus status = this.received.poll(10, TimeUnit.SECONDS);
		assertThat(status).as("a Watch message within 10s (error: %s)", this.error).isNotNull();
		return status;
	}

	/**
	 * Wait up to 10 seconds for the server to complete the call normally.
	 */
	public void awaitCompleted() throws InterruptedException {
		assertThat(this.ended.await(10, TimeUnit.SECONDS)).as("the Watch call ended within 10s").isTrue();
		assertThat(this.completed).as("the Watch call completed normally (error: %s)", this.error).isTrue();
	}

	/**
	 * Wait for the call to end, normally or not.
	 * @return the error it ended with, or {@code null} if it completed
	 */
	public Throwable awaitEnded() throws InterruptedException {
		assertThat(this.ended.await(10, TimeUnit.SECONDS)).as("the Watch call ended within 10s").isTrue();
		return this.error;
	}

	/**
	 * The messages received and not yet taken by {@link #next()}, taking them.
	 */
	public java.util.List<ServingStatus> drainReceived() {
		java.util.List<ServingStatus> statuses = new java.util.ArrayList<>();
		this.received.drainTo(statuses);
		return statuses;
	}

	/**
	 * Whether the server has answered yet: sent a message or ended the call.
	 */
	public boolean answered() {
		return !this.received.isEmpty() || !isOpen();
	}

	/**
	 * The error the call ended with, {@code null} while open or if it completed.
	 */
	public Throwable error() {
		return this.error;
	}

	/**
	 * Cancel the call, as a client that goes away does.
	 */
	public void cancel() {
		this.call.cancel("cancelled by the test", null);
	}

	/**
	 * Whether the call has not ended yet.
	 */
	public boolean isOpen() {
		return this.ended.getCount() > 0;
	}

	@Override
	public void close() {
		if (isOpen() && this.call != null) {
			this.call.cancel("test finished", null);
		}
	}

}
