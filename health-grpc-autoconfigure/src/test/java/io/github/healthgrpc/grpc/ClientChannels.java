package io.github.healthgrpc.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;

/**
 * The client channels a test opened to its server, shut down together before the server
 * is, so that a call left open cannot hold the server's shutdown.
 */
public final class ClientChannels {

	private final List<ManagedChannel> channels = new ArrayList<>();

	/**
	 * Keep the given channel, to shut it down with the others.
	 * @param channel the channel
	 * @return the channel
	 */
	public ManagedChannel add(ManagedChannel channel) {
		this.channels.add(channel);
		return channel;
	}

	/**
	 * Shut every channel down now and wait for each to end.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void shutdownNow() throws InterruptedException {
		for (ManagedChannel channel : this.channels) {
			channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

}
