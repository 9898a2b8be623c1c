package io.github.healthgrpc.benchmarks.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;

/**
 * A Watch client that notes when it first hears {@code SERVING}: the time from the
 * process's start to that answer is what a load balancer waits for. It probes the port
 * every few milliseconds before it opens its channel (a channel would back off a second
 * after the first refused connection), so that it may also be started before the server
 * listens.
 */
final class FirstServing implements AutoCloseable {

	private static final Duration PROBE = Duration.ofMillis(5);

	private final int port;

	private final String service;

	private final CountDownLatch serving = new CountDownLatch(1);

	private final AtomicLong servingNanos = new AtomicLong();

	private final Thread thread;

	private volatile boolean closed;

	private volatile ManagedChannel channel;

	FirstServing(int port, String service) {
		this.port = port;
		this.service = service;
		this.thread = new Thread(this::watch, "first-serving");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void watch() {
		while (!this.closed && !listening()) {
			try {
				Thread.sleep(PROBE.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		if (this.closed) {
			return;
		}
		this.channel = NettyChannelBuilder.forAddress("127.0.0.1", this.port).usePlaintext().directExecutor().build();
		HealthGrpc.newStub(this.channel)
			.withWaitForReady()
			.watch(HealthCheckRequest.newBuilder().setService(this.service).build(), new Heard());
	}

	private boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * When the first {@code SERVING} was heard, waiting for it at most a while.
	 * @return its {@link System#nanoTime()}, or {@code -1} if none came in time
	 */
	long awaitServing(Duration timeout) throws InterruptedException {
		return this.serving.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.servingNanos.get() : -1;
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
		ManagedChannel open = this.channel;
		if (open != null) {
			open.shutdownNow();
		}
	}

	private final class Heard implements StreamObserver<HealthCheckResponse> {

		@Override
		public void onNext(HealthCheckResponse response) {
			if (response.getStatus() == ServingStatus.SERVING && FirstServing.this.serving.getCount() > 0) {
				FirstServing.this.servingNanos.set(System.nanoTime());
				FirstServing.this.serving.countDown();
			}
		}

		@Override
		public void onError(Throwable error) {
			// The peer went away (killed after its start was timed): nothing to hear.
		}

		@Override
		public void onCompleted() {
		}

	}

}
