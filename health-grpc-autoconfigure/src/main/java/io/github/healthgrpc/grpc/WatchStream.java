package io.github.healthgrpc.grpc;

import java.util.function.Function;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.jspecify.annotations.Nullable;

/**
 * One open Watch call. It never queues: a change marks the stream dirty, and the current
 * status is read and sent when the transport can take it. A reader that falls behind
 * therefore gets the latest status once it catches up, never a backlog, and the server
 * holds one pending flag per watcher whatever the rate of change.
 */
final class WatchStream {

	private final String service;

	private final @Nullable Object connection;

	private final ServerCallStreamObserver<HealthCheckResponse> observer;

	private final Function<String, ServingStatus> currentStatus;

	private @Nullable ServingStatus lastSent;

	private boolean changePending;

	private boolean finished;

	WatchStream(String service, @Nullable Object connection, ServerCallStreamObserver<HealthCheckResponse> observer,
			Function<String, ServingStatus> currentStatus) {
		this.service = service;
		this.connection = connection;
		this.observer = observer;
		this.currentStatus = currentStatus;
	}

	String service() {
		return this.service;
	}

	@Nullable Object connection() {
		return this.connection;
	}

	/**
	 * Send the current status at once, ready or not: the protocol promises a first
	 * message immediately.
	 */
	synchronized void start() {
		sendIfChanged();
	}

	synchronized void statusChanged() {
		this.changePending = true;
		flush();
	}

	/**
	 * Called when the transport can take more, and after each change.
	 */
	synchronized void flush() {
		if (this.finished || !this.changePending || !this.observer.isReady()) {
			return;
		}
		this.changePending = false;
		sendIfChanged();
	}

	/**
	 * Send the final status if the client has not seen it yet, then end the call.
	 */
	synchronized void complete() {
		complete(this.currentStatus.apply(this.service));
	}

	/**
	 * Send the given final status if the client has not seen it yet, then end the call.
	 * @param finalStatus the last status the client is told
	 */
	synchronized void complete(ServingStatus finalStatus) {
		if (this.finished) {
			return;
		}
		send(finalStatus);
		this.finished = true;
		try {
			this.observer.onCompleted();
		}
		catch (RuntimeException ex) {
			// The call was already cancelled by the client: nothing left to end.
		}
	}

	/**
	 * End the call with an error status, for a call that gave way to another. Runs on the
	 * thread of the call admitted in its place, hence under this stream's lock like every
	 * other use of the observer.
	 * @param status the status the client is told
	 */
	synchronized void end(Status status) {
		if (this.finished) {
			return;
		}
		this.finished = true;
		try {
			this.observer.onError(status.asRuntimeException());
		}
		catch (RuntimeException ex) {
			// The call was already cancelled by the client: nothing left to end.
		}
	}

	synchronized void cancelled() {
		this.finished = true;
	}

	private void sendIfChanged() {
		send(this.currentStatus.apply(this.service));
	}

	private void send(ServingStatus status) {
		if (this.finished || status == this.lastSent) {
			return;
		}
		this.lastSent = status;
		try {
			this.observer.onNext(HealthCheckResponse.newBuilder().setStatus(status).build());
		}
		catch (RuntimeException ex) {
			// The client went away between our check and the send; its cancel handler
			// removes this stream. One vanished client must not affect the others.
			this.finished = true;
		}
	}

}
