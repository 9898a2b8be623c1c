package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;

/**
 * A client flooding the Watch budget from many connections: a thread of its own keeps
 * {@code perConnection} Watch calls open on each channel, opening a new one as soon as
 * one ends (refused, or given way to another client), until it is closed or has opened
 * {@code maxCalls}. It counts how its calls ended.
 */
final class WatchFlood implements AutoCloseable {

	private final List<ManagedChannel> channels;

	private final String service;

	private final int perConnection;

	private final int maxCalls;

	private final Thread flooder;

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger evicted = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicInteger other = new AtomicInteger();

	private volatile boolean running = true;

	/**
	 * Start flooding.
	 * @param channels the channels, one connection each
	 * @param service the service watched
	 * @param perConnection the calls each channel tries to keep open
	 * @param maxCalls the most calls opened in all
	 */
	WatchFlood(List<ManagedChannel> channels, String service, int perConnection, int maxCalls) {
		this.channels = channels;
		this.service = service;
		this.perConnection = perConnection;
		this.maxCalls = maxCalls;
		this.flooder = new Thread(this::flood, "watch-flood");
		this.flooder.start();
	}

	private void flood() {
		List<List<WatchRecorder>> calls = new ArrayList<>();
		this.channels.forEach((channel) -> calls.add(new ArrayList<>()));
		while (this.running && this.opened.get() < this.maxCalls) {
			for (int i = 0; i < this.channels.size(); i++) {
				List<WatchRecorder> onChannel = calls.get(i);
				onChannel.removeIf(this::ended);
				while (onChannel.size() < this.perConnection && this.opened.get() < this.maxCalls) {
					onChannel.add(WatchRecorder.watch(HealthGrpc.newStub(this.channels.get(i)), this.service));
					this.opened.incrementAndGet();
				}
			}
			// A pace, not a wait: a hundred rounds a second, each re-opening every call
			// that ended, leave the cores to the server and the client under test.
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
		calls.forEach((onChannel) -> onChannel.forEach(WatchRecorder::close));
	}

	private boolean ended(WatchRecorder call) {
		if (call.isOpen()) {
			return false;
		}
		Status status = Status.fromThrowable(call.error());
		String description = String.valueOf(status.getDescription());
		if (status.getCode() != Status.Code.RESOURCE_EXHAUSTED) {
			this.other.incrementAndGet();
		}
		else if (description.contains("gave way")) {
			this.evicted.incrementAndGet();
		}
		else {
			this.refused.incrementAndGet();
		}
		return true;
	}

	int opened() {
		return this.opened.get();
	}

	/** Calls that gave way to another client's. */
	int evicted() {
		return this.evicted.get();
	}

	/** Calls refused with RESOURCE_EXHAUSTED. */
	int refused() {
		return this.refused.get();
	}

	/** Calls that ended otherwise. */
	int other() {
		return this.other.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.flooder.join(Duration.ofSeconds(30).toMillis());
	}

}
