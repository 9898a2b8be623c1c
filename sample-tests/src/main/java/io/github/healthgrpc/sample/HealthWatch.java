package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
 * uses), recording every message and the end of the stream in arrival order. The one
 * Watch client of the end-to-end tests, their crowds ({@link WatcherCrowd},
 * {@link WatchFlood}) and the benchmarks' crowds, which follow each event as it arrives
 * through a {@link Listener}.
 */
public final class HealthWatch implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse> {

	private static final Listener NO_LISTENER = (event) -> {
	};

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final Listener listener;

	private volatile ClientCallStreamObserver<HealthCheckRequest> call;

	private volatile boolean ended;

	private volatile Status end;

	private HealthWatch(Listener listener) {
		this.listener = listener;
	}

	static HealthWatch start(Channel channel, String service) {
		return start(channel, service, NO_LISTENER);
	}

	/**
	 * Start a Watch call whose events are also handed to a listener as they arrive.
	 * @param channel the channel to call on
	 * @param service the watched service
	 * @param listener told of every event, on the thread that delivered it
	 * @return the call
	 */
	public static HealthWatch start(Channel channel, String service, Listener listener) {
		HealthWatch watch = new HealthWatch(listener);
		HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService(service).build(), watch);
		return watch;
	}

	@Override
	public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
		this.call = requestStream;
	}

	@Override
	public void onNext(HealthCheckResponse response) {
		add(new Event(response.getStatus(), null, System.nanoTime()));
	}

	@Override
	public void onError(Throwable error) {
		this.end = Status.fromThrowable(error);
		this.ended = true;
		add(new Event(null, Status.fromThrowable(error), System.nanoTime()));
	}

	@Override
	public void onCompleted() {
		this.end = Status.OK;
		this.ended = true;
		add(new Event(null, Status.OK, System.nanoTime()));
	}

	private void add(Event event) {
		// The listener first: a benchmark times the event from the moment it arrived.
		this.listener.heard(event);
		this.events.add(event);
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
	public Status end() {
		return this.end;
	}

	/**
	 * The events received and not yet taken.
	 */
	int pending() {
		return this.events.size();
	}

	/**
	 * Cancel the call, unless the server has ended it.
	 */
	public void cancel() {
		ClientCallStreamObserver<HealthCheckRequest> call = this.call;
		if (call != null && !this.ended) {
			call.cancel("test finished", null);
		}
	}

	/**
	 * The events received and not yet taken, as one line such as
	 * {@code SERVING,NOT_SERVING,completed} (an error by its code alone, {@code error
	 * UNAVAILABLE}, so that calls that failed alike read alike).
	 */
	String history() {
		return this.events.stream().map(Event::describe).collect(Collectors.joining(","));
	}

	/**
	 * When the first message with a status arrived, of the events not yet taken.
	 * @return its {@link System#nanoTime()}, or {@link Long#MIN_VALUE} if none did
	 */
	long firstAt(ServingStatus status) {
		return this.events.stream()
			.filter((event) -> event.status() == status)
			.mapToLong(Event::nanoTime)
			.findFirst()
			.orElse(Long.MIN_VALUE);
	}

	/**
	 * When the stream ended, if its end is among the events not yet taken.
	 * @return its {@link System#nanoTime()}, or {@link Long#MIN_VALUE} if it has not
	 */
	long endedAt() {
		return this.events.stream()
			.filter((event) -> event.end() != null)
			.mapToLong(Event::nanoTime)
			.findFirst()
			.orElse(Long.MIN_VALUE);
	}

	/**
	 * Told of each event of a Watch call as it arrives.
	 */
	@FunctionalInterface
	public interface Listener {

		/**
		 * One event arrived.
		 * @param event the event
		 */
		void heard(Event event);

	}

	/**
	 * One thing that happened on the stream: a message ({@code status} set) or its end
	 * ({@code end} set: OK for onCompleted, otherwise the error).
	 *
	 * @param status the message's status, {@code null} for the end
	 * @param end how the stream ended, {@code null} for a message
	 * @param nanoTime its arrival, a {@link System#nanoTime()}
	 */
	public record Event(ServingStatus status, Status end, long nanoTime) {

		boolean isCompleted() {
			return this.end != null && this.end.isOk();
		}

		/**
		 * The time from {@code start} (a {@link System#nanoTime()}) to this event.
		 */
		Duration since(long start) {
			return Duration.ofNanos(this.nanoTime - start);
		}

		private String describe() {
			if (this.status != null) {
				return this.status.name();
			}
			return this.end.isOk() ? "completed" : "error " + this.end.getCode();
		}

	}

}
