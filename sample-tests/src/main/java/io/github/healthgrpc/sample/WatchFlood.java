package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.grpc.ManagedChannel;
import io.grpc.Status;

/**
 * A client flooding the Watch budget from many connections, with grpc-java's health stub:
 * a thread of its own keeps {@code perConnection} Watch calls open on each channel and
 * re-opens every call that ends (refused, or given way to another client's), a hundred
 * rounds a second, until it is closed or has opened {@code maxCalls}.
 */
final class WatchFlood implements AutoCloseable {

	private final List<ManagedChannel> channels;

	private final String service;

	private final int perConnection;

	private final int maxCalls;

	private final Thread flooder;

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicInteger gaveWay = new AtomicInteger();

	private final AtomicInteger endedOtherwise = new AtomicInteger();

	private volatile boolean running = true;

	WatchFlood(List<ManagedChannel> channels, String service, int perConnection, int maxCalls) {
		this.channels = channels;
		this.service = service;
		this.perConnection = perConnection;
		this.maxCalls = maxCalls;
		this.flooder = new Thread(this::run, "watch-flood");
		this.flooder.start();
	}

	private void run() {
		List<List<HealthWatch>> open = new ArrayList<>();
		this.channels.forEach((channel) -> open.add(new ArrayList<>()));
		while (this.running && this.opened.get() < this.maxCalls) {
			for (int i = 0; i < this.channels.size(); i++) {
				List<HealthWatch> onChannel = open.get(i);
				onChannel.removeIf(this::countIfEnded);
				while (onChannel.size() < this.perConnection && this.opened.get() < this.maxCalls) {
					onChannel.add(HealthWatch.start(this.channels.get(i), this.service));
					this.opened.incrementAndGet();
				}
			}
			// A pace, not a wait: it leaves the two cores to the server and the client
			// under test.
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
		open.forEach((onChannel) -> onChannel.forEach(HealthWatch::cancel));
	}

	private boolean countIfEnded(HealthWatch watch) {
		Status end = watch.end();
		if (end == null) {
			return false;
		}
		if (end.getCode() != Status.Code.RESOURCE_EXHAUSTED) {
			this.endedOtherwise.incrementAndGet();
		}
		else if (String.valueOf(end.getDescription()).contains("gave way")) {
			this.gaveWay.incrementAndGet();
		}
		else {
			this.refused.incrementAndGet();
		}
		return true;
	}

	int opened() {
		return this.opened.get();
	}

	int refused() {
		return this.refused.get();
	}

	int gaveWay() {
		return this.gaveWay.get();
	}

	int endedOtherwise() {
		return this.endedOtherwise.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.flooder.join(Duration.ofSeconds(30).toMillis());
	}

}
