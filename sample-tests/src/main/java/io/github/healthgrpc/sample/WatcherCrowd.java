package io.github.healthgrpc.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;

/**
 * Many Watch calls at once, made with grpc-java's health stub over a few channels (a few
 * client connections, as a fleet of clients would make). Each watcher keeps its whole
 * history as one line, such as {@code SERVING,NOT_SERVING,completed}, so that a test can
 * count the watchers by what they saw.
 */
final class WatcherCrowd implements AutoCloseable {

	private final List<ManagedChannel> channels;

	private final List<Watcher> watchers = new ArrayList<>();

	private WatcherCrowd(List<ManagedChannel> channels) {
		this.channels = channels;
	}

	/**
	 * Open {@code channelCount} channels and start {@code perChannel} Watch calls on each,
	 * cycling through the given services.
	 */
	static WatcherCrowd attach(int port, int channelCount, int perChannel, List<String> services) {
		List<ManagedChannel> channels = new ArrayList<>();
		for (int i = 0; i < channelCount; i++) {
			channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
		}
		WatcherCrowd crowd = new WatcherCrowd(channels);
		for (int i = 0; i < channelCount * perChannel; i++) {
			Watcher watcher = new Watcher();
			crowd.watchers.add(watcher);
			HealthGrpc.newStub(channels.get(i % channelCount))
				.watch(HealthCheckRequest.newBuilder().setService(services.get(i % services.size())).build(), watcher);
		}
		return crowd;
	}

	List<ManagedChannel> channels() {
		return this.channels;
	}

	/**
	 * How many watchers have a history that passes the test.
	 */
	long count(Predicate<String> history) {
		return this.watchers.stream().map(Watcher::history).filter(history).count();
	}

	/**
	 * How many watchers had each history, such as {@code {SERVING,NOT_SERVING,completed=1000}}.
	 */
	Map<String, Long> histories() {
		Map<String, Long> counts = new TreeMap<>();
		this.watchers.forEach((watcher) -> counts.merge(watcher.history(), 1L, Long::sum));
		return counts;
	}

	/** The earliest of a time that every watcher recorded (all must have it). */
	long min(ToLongFunction<Watcher> time) {
		return this.watchers.stream().mapToLong(time).min().orElseThrow();
	}

	/** The latest of a time that every watcher recorded (all must have it). */
	long max(ToLongFunction<Watcher> time) {
		return this.watchers.stream().mapToLong(time).max().orElseThrow();
	}

	@Override
	public void close() throws InterruptedException {
		for (ManagedChannel channel : this.channels) {
			channel.shutdownNow();
		}
		for (ManagedChannel channel : this.channels) {
			channel.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * One Watch call: its messages and its end, in arrival order, with the arrival time of
	 * its first NOT_SERVING message and of its end.
	 */
	static final class Watcher implements StreamObserver<HealthCheckResponse> {

		private final List<String> events = new ArrayList<>();

		private volatile long notServingAt = Long.MIN_VALUE;

		private volatile long endedAt = Long.MIN_VALUE;

		@Override
		public void onNext(HealthCheckResponse response) {
			if (response.getStatus() == HealthCheckResponse.ServingStatus.NOT_SERVING
					&& this.notServingAt == Long.MIN_VALUE) {
				this.notServingAt = System.nanoTime();
			}
			add(response.getStatus().name());
		}

		@Override
		public void onError(Throwable error) {
			// The code alone, so that watchers that failed alike are counted together.
			add("error " + Status.fromThrowable(error).getCode());
			this.endedAt = System.nanoTime();
		}

		@Override
		public void onCompleted() {
			add("completed");
			this.endedAt = System.nanoTime();
		}

		long notServingAt() {
			return this.notServingAt;
		}

		long endedAt() {
			return this.endedAt;
		}

		private synchronized void add(String event) {
			this.events.add(event);
		}

		synchronized String history() {
			return String.join(",", this.events);
		}

	}

}
