package io.github.healthgrpc.server.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.StalledReader;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * The channels a test opens, to the health port or the main server, closed together after
 * it (with {@code @AutoClose}), so that no call left open holds a server's shutdown.
 */
final class HealthPortClient implements AutoCloseable {

	private final List<ManagedChannel> channels = new ArrayList<>();

	/**
	 * A new plaintext channel, as kubelet's probe opens one.
	 * @param host the address to connect to
	 * @param port the port
	 * @return the channel
	 */
	ManagedChannel plaintext(String host, int port) {
		return channel(host, port, InsecureChannelCredentials.create());
	}

	/**
	 * A new channel with the given credentials.
	 * @param host the address to connect to
	 * @param port the port
	 * @param credentials the credentials, such as TLS
	 * @return the channel
	 */
	ManagedChannel channel(String host, int port, ChannelCredentials credentials) {
		ManagedChannel channel = Grpc.newChannelBuilderForAddress(host, port, credentials).build();
		this.channels.add(channel);
		return channel;
	}

	/**
	 * A new plaintext channel with a one-byte HTTP/2 flow-control window, for a client
	 * that stops reading: see {@link StalledReader#WINDOW}.
	 * @param host the address to connect to
	 * @param port the port
	 * @return the channel
	 */
	ManagedChannel plaintextWithTinyWindow(String host, int port) {
		ManagedChannel channel = NettyChannelBuilder.forAddress(host, port)
			.usePlaintext()
			.flowControlWindow(StalledReader.WINDOW)
			.build();
		this.channels.add(channel);
		return channel;
	}

	static Map<String, ServingStatus> list(ManagedChannel channel) {
		Map<String, ServingStatus> statuses = new TreeMap<>();
		HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.list(HealthListRequest.getDefaultInstance())
			.getStatusesMap()
			.forEach((service, response) -> statuses.put(service, response.getStatus()));
		return statuses;
	}

	@Override
	public void close() throws InterruptedException {
		for (ManagedChannel channel : this.channels) {
			channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
		this.channels.clear();
	}

}
