package io.github.healthgrpc.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * Plain-text loopback channels to a peer, each its own TCP connection, closed together.
 * Callbacks run on the transport's threads (direct executor): the harness's handlers are
 * short, and a hand-off would add a thread switch to every measured call.
 */
public final class Channels implements AutoCloseable {

	private final List<ManagedChannel> channels = new ArrayList<>();

	public Channels(int port, int count) {
		for (int i = 0; i < count; i++) {
			this.channels.add(NettyChannelBuilder.forAddress("127.0.0.1", port)
				.usePlaintext()
				.directExecutor()
				.maxInboundMessageSize(1 << 20)
				.build());
		}
	}

	ManagedChannel get(int index) {
		return this.channels.get(index % this.channels.size());
	}

	int size() {
		return this.channels.size();
	}

	@Override
	public void close() throws InterruptedException {
		this.channels.forEach(ManagedChannel::shutdownNow);
		for (ManagedChannel channel : this.channels) {
			channel.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

}
