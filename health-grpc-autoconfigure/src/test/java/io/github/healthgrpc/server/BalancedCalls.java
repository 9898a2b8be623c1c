package io.github.healthgrpc.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;

/**
 * Unary calls made one after another on a thread of their own, about one a millisecond,
 * each remembered with when it started and which backend answered it.
 */
final class BalancedCalls implements AutoCloseable {

	private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

	private final Thread caller;

	private volatile boolean running = true;

	/**
	 * Start calling.
	 * @param channel the channel to call on
	 */
	BalancedCalls(Channel channel) {
		this.caller = new Thread(() -> {
			while (this.running) {
				this.calls.add(call(channel));
				// A rate, not a wait: about a thousand calls a second leave the machine
				// to the servers.
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
		}, "balanced-calls");
		this.caller.start();
	}

	private static Call call(Channel channel) {
		long start = System.nanoTime();
		try {
			byte[] backend = ClientCalls.blockingUnaryCall(channel, EchoBackend.WHO,
					CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[0]);
			return new Call(start, new String(backend, StandardCharsets.UTF_8), null);
		}
		catch (RuntimeException ex) {
			return new Call(start, null, Status.fromThrowable(ex));
		}
	}

	/**
	 * Calls started after a moment that the given backend answered.
	 * @param backend the backend's name
	 * @param since the moment, from {@link System#nanoTime()}
	 * @return how many
	 */
	long answeredBy(String backend, long since) {
		return this.calls.stream().filter((call) -> call.start() > since && backend.equals(call.backend())).count();
	}

	/**
	 * When the first call started after a moment that the given backend answered began.
	 * @param backend the backend's name
	 * @param since the moment, from {@link System#nanoTime()}
	 * @return when that call started
	 */
	long firstAnsweredBy(String backend, long since) {
		return this.calls.stream()
			.filter((call) -> call.start() > since && backend.equals(call.backend()))
			.mapToLong(Call::start)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Calls that failed.
	 * @return their statuses
	 */
	List<Status> failures() {
		return this.calls.stream().map(Call::failure).filter((failure) -> failure != null).toList();
	}

	/**
	 * All calls made so far.
	 * @return how many
	 */
	int count() {
		return this.calls.size();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.caller.join(TimeUnit.SECONDS.toMillis(30));
	}

	private record Call(long start, String backend, Status failure) {
	}

}
