package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.healthgrpc.sample.HealthWatch;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * Many Watch calls on one service, spread over connections of at most
 * {@value #PER_CONNECTION} calls each (health-grpc's per-connection limit when these
 * figures were first taken, kept so that runs stay comparable), or of as many as asked
 * (one per connection is how a crowd of separate clients looks). The harness arms an
 * expected status, makes it happen, and reads when each watcher heard it, and how each
 * stream ended. Each call is the end-to-end tests' {@link HealthWatch}, its events
 * followed as they arrive.
 */
public final class WatchCrowd implements AutoCloseable {

	static final int PER_CONNECTION = 100;

	private final Channels channels;

	private final List<HealthWatch> watchers = new ArrayList<>();

	private volatile Expectation expectation;

	private final CountDownLatch ended;

	private WatchCrowd(int port, int size, int perConnection, String service, ServingStatus first) {
		this.channels = new Channels(port, (size + perConnection - 1) / perConnection);
		this.ended = new CountDownLatch(size);
		this.expectation = new Expectation(first, size);
		for (int i = 0; i < size; i++) {
			int index = i;
			this.watchers
				.add(HealthWatch.start(this.channels.get(i / perConnection), service, (event) -> heard(index, event)));
		}
	}

	private void heard(int watcher, HealthWatch.Event event) {
		if (event.status() != null) {
			this.expectation.heard(watcher, event.status(), event.nanoTime());
		}
		else {
			this.ended.countDown();
		}
	}

	/**
	 * Open the Watch calls and wait until every one has heard its first status.
	 * @param port the peer's gRPC port
	 * @param size how many calls
	 * @param service the watched service
	 * @param first the status every watcher must hear first
	 */
	public static WatchCrowd open(int port, int size, String service, ServingStatus first) throws InterruptedException {
		return open(port, size, PER_CONNECTION, service, first);
	}

	/**
	 * Open the Watch calls, at most so many on one connection, and wait until every one
	 * has heard its first status.
	 * @param port the peer's gRPC port
	 * @param size how many calls
	 * @param perConnection how many calls share a connection at most
	 * @param service the watched service
	 * @param first the status every watcher must hear first
	 */
	static WatchCrowd open(int port, int size, int perConnection, String service, ServingStatus first)
			throws InterruptedException {
		WatchCrowd crowd = new WatchCrowd(port, size, perConnection, service, first);
		if (!crowd.expectation.await(Duration.ofSeconds(120))) {
			long heard = crowd.expectation.heard();
			crowd.close();
			throw new IllegalStateException(heard + " of " + size + " watchers heard " + first + " within 120 s");
		}
		return crowd;
	}

	/**
	 * Arm for a status, before making it happen.
	 */
	public Expectation expect(ServingStatus status) {
		Expectation next = new Expectation(status, this.watchers.size());
		this.expectation = next;
		return next;
	}

	/**
	 * Wait until every stream has ended.
	 * @return whether they all did in time
	 */
	boolean awaitEnded(Duration timeout) throws InterruptedException {
		return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * How many streams ended with OK (completed by the server).
	 */
	long completed() {
		return this.watchers.stream().filter((w) -> w.end() != null && w.end().isOk()).count();
	}

	/**
	 * How the streams that did not complete ended, such as {@code UNAVAILABLE x1000}.
	 */
	String failures() {
		return this.watchers.stream()
			.filter((w) -> w.end() == null || !w.end().isOk())
			.map((w) -> (w.end() != null) ? w.end().getCode().name() : "OPEN")
			.collect(Collectors.groupingBy((code) -> code, Collectors.counting()))
			.toString();
	}

	@Override
	public void close() throws InterruptedException {
		this.watchers.forEach(HealthWatch::cancel);
		this.channels.close();
	}

	/**
	 * Which watchers heard one status, and when.
	 */
	public static final class Expectation {

		private final ServingStatus status;

		private final long[] heardAt;

		private final CountDownLatch all;

		Expectation(ServingStatus status, int size) {
			this.status = status;
			this.heardAt = new long[size];
			this.all = new CountDownLatch(size);
		}

		synchronized void heard(int watcher, ServingStatus heard, long nanoTime) {
			if (heard == this.status && this.heardAt[watcher] == 0) {
				this.heardAt[watcher] = nanoTime;
				this.all.countDown();
			}
		}

		public boolean await(Duration timeout) throws InterruptedException {
			return this.all.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		long heard() {
			return this.heardAt.length - this.all.getCount();
		}

		/**
		 * Milliseconds from {@code since} to each watcher hearing the status, sorted; the
		 * watchers that did not hear it are left out.
		 */
		synchronized double[] millisSince(long since) {
			return Arrays.stream(this.heardAt)
				.filter((at) -> at != 0)
				.mapToDouble((at) -> (at - since) / 1e6)
				.sorted()
				.toArray();
		}

	}

}
