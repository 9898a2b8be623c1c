package io.github.healthgrpc.grpc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * A server-side Watch call without a transport: it records what is sent, and the test
 * decides whether it is ready and when the client cancels.
 */
final class FakeWatchObserver extends ServerCallStreamObserver<HealthCheckResponse> {

	private final List<ServingStatus> sent = new CopyOnWriteArrayList<>();

	private volatile boolean ready;

	private volatile Runnable onReady = () -> {
	};

	private volatile Runnable onCancel = () -> {
	};

	private volatile Throwable error;

	private volatile boolean completed;

	private volatile boolean cancelled;

	FakeWatchObserver(boolean ready) {
		this.ready = ready;
	}

	List<ServingStatus> sent() {
		return this.sent;
	}

	Throwable error() {
		return this.error;
	}

	boolean completed() {
		return this.completed;
	}

	/**
	 * The transport can take more: what grpc-java does when the client reads again.
	 */
	void becomeReady() {
		this.ready = true;
		this.onReady.run();
	}

	/**
	 * The client went away.
	 */
	void cancel() {
		this.cancelled = true;
		this.onCancel.run();
	}

	@Override
	public boolean isReady() {
		return this.ready;
	}

	@Override
	public void onNext(HealthCheckResponse value) {
		this.sent.add(value.getStatus());
	}

	@Override
	public void onError(Throwable throwable) {
		this.error = throwable;
	}

	@Override
	public void onCompleted() {
		this.completed = true;
	}

	@Override
	public boolean isCancelled() {
		return this.cancelled;
	}

	@Override
	public void setOnCancelHandler(Runnable onCancelHandler) {
		this.onCancel = onCancelHandler;
	}

	@Override
	public void setOnReadyHandler(Runnable onReadyHandler) {
		this.onReady = onReadyHandler;
	}

	@Override
	public void setCompression(String compression) {
	}

	@Override
	public void request(int count) {
	}

	@Override
	public void setMessageCompression(boolean enable) {
	}

	@Override
	public void disableAutoInboundFlowControl() {
	}

}
