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

/**
 * Many Watch calls at once, made with grpc-java's health stub over a few channels (a few
 * client connections, as a fleet of clients would make). Each watcher
 * ({@link HealthWatch}) keeps its whole history, read as one line such as
 * {@code SERVING,NOT_SERVING,completed}, so that a test can count the watchers by what
 * they saw.
 */
final class WatcherCrowd implements AutoCloseable {

	private final List<ManagedChannel> channels;

	private final List<HealthWatch> watchers = new ArrayList<>();

	private WatcherCrowd(List<ManagedChannel> channels) {
		this.channels = channels;
	}

	/**
	 * Open {@code channelCount} channels and start {@code perChannel} Watch calls on
	 * each, cycling through the given services.
	 */
	static WatcherCrowd attach(int port, int channelCount, int perChannel, List<String> services) {
		List<ManagedChannel> channels = new ArrayList<>();
		for (int i = 0; i < channelCount; i++) {
			channels.add(ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
		}
		WatcherCrowd crowd = new WatcherCrowd(channels);
		for (int i = 0; i < channelCount * perChannel; i++) {
			crowd.watchers.add(HealthWatch.start(channels.get(i % channelCount), services.get(i % services.size())));
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
		return this.watchers.stream().map(HealthWatch::history).filter(history).count();
	}

	/**
	 * How many watchers had each history, such as
	 * {@code {SERVING,NOT_SERVING,completed=1000}}.
	 */
	Map<String, Long> histories() {
		Map<String, Long> counts = new TreeMap<>();
		this.watchers.forEach((watcher) -> counts.merge(watcher.history(), 1L, Long::sum));
		return counts;
	}

	/** The earliest of a time that every watcher recorded (all must have it). */
	long min(ToLongFunction<HealthWatch> time) {
		return this.watchers.stream().mapToLong(time).min().orElseThrow();
	}

	/** The latest of a time that every watcher recorded (all must have it). */
	long max(ToLongFunction<HealthWatch> time) {
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

}
