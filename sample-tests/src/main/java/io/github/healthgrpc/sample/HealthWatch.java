package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Watch call made with grpc-java's own health stub (what client-side health checking
 * uses), recording every message and the end of the stream in arrival order.
 */
final class HealthWatch implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse> {

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private volatile ClientCallStreamObserver<HealthCheckRequest> call;

	private volatile boolean ended;

	private volatile Status end;

	private HealthWatch() {
	}

	static HealthWatch start(Channel channel, String service) {
		HealthWatch watch = new HealthWatch();
		HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService(service).build(), watch);
		return watch;
	}

	@Override
	public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
		this.call = requestStream;
	}

	@Override
	public void onNext(HealthCheckResponse response) {
		this.events.add(new Event(response.getStatus(), null, System.nanoTime()));
	}

	@Override
	public void onError(Throwable error) {
		this.end = Status.fromThrowable(error);
		this.ended = true;
		this.events.add(new Event(null, Status.fromThrowable(error), System.nanoTime()));
	}

	@Override
	public void onCompleted() {
		this.end = Status.OK;
		this.ended = true;
		this.events.add(new Event(null, Status.OK, System.nanoTime()));
	}

	/**
	 * The next event, failing if none arrives in time.
	 */
	Event next(Duration timeout) throws InterruptedException {
		Event event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(event).as("an event on the Watch stream within %s", timeout).isNotNull();
		return event;
	}

	/**
	 * The next event, which must be a message with the given status.
	 */
	Event nextMessage(ServingStatus expected, Duration timeout) throws InterruptedException {
		Event event = next(timeout);
		assertThat(event.status()).as("next Watch message (event was %s)", event).isEqualTo(expected);
		return event;
	}

	/**
	 * Whether the server has not ended the stream, neither by completing nor by an error.
	 */
	boolean isOpen() {
		return !this.ended;
	}

	/**
	 * How the server ended the stream.
	 * @return OK if it completed, the error otherwise, {@code null} while it is open
	 */
	Status end() {
		return this.end;
	}

	/**
	 * The events received and not yet taken.
	 */
	int pending() {
		return this.events.size();
	}

	void cancel() {
		ClientCallStreamObserver<HealthCheckRequest> call = this.call;
		if (call != null && !this.ended) {
			call.cancel("test finished", null);
		}
	}

	/**
	 * One thing that happened on the stream: a message ({@code status} set) or its end
	 * ({@code end} set: OK for onCompleted, otherwise the error).
	 */
	record Event(ServingStatus status, Status end, long nanoTime) {

		boolean isCompleted() {
			return this.end != null && this.end.isOk();
		}

		/**
		 * The time from {@code start} (a {@link System#nanoTime()}) to this event.
		 */
		Duration since(long start) {
			return Duration.ofNanos(this.nanoTime - start);
		}

	}

}
