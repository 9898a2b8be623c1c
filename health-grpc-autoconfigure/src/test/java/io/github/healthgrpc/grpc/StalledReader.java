package io.github.healthgrpc.grpc;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * A Watch client that takes the first message and then reads nothing until told to: once
 * its flow-control window is full, the server can send it nothing more.
 */
public final class StalledReader implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse> {

	/**
	 * The HTTP/2 flow-control window, in bytes, for a stalled reader's channel. The first
	 * status trickles through one byte at a time while the client reads it; the next
	 * message the server sends (the drain's NOT_SERVING at the latest) stops after its
	 * first byte, so the call's end waits behind it whatever happened before. A larger
	 * window let the drain's message and the trailers through whenever fewer changes than
	 * it holds had reached the call, which depends on thread timing.
	 */
	public static final int WINDOW = 1;

	private final AtomicInteger received = new AtomicInteger();

	private volatile ServingStatus last;

	private volatile String ended;

	private volatile ClientCallStreamObserver<HealthCheckRequest> call;

	@Override
	public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
		this.call = requestStream;
		requestStream.disableAutoRequestWithInitial(1);
	}

	@Override
	public void onNext(HealthCheckResponse value) {
		this.last = value.getStatus();
		this.received.incrementAndGet();
	}

	@Override
	public void onError(Throwable throwable) {
		this.ended = Status.fromThrowable(throwable).getCode().toString();
	}

	@Override
	public void onCompleted() {
		this.ended = "completed";
	}

	/**
	 * Read everything from now on; the call's end reaches the client only after what came
	 * before it.
	 */
	public void readAll() {
		this.call.request(Integer.MAX_VALUE);
	}

	/**
	 * The number of messages read.
	 */
	public int received() {
		return this.received.get();
	}

	/**
	 * The last status read, {@code null} before the first.
	 */
	public ServingStatus last() {
		return this.last;
	}

	/**
	 * How the call ended: {@code completed}, the code of the status it failed with, or
	 * {@code null} while it has not.
	 */
	public String ended() {
		return this.ended;
	}

}
