package io.github.healthgrpc.server;

import java.util.function.UnaryOperator;

import io.github.healthgrpc.grpc.ClientChannels;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.Assert;

/**
 * A test's application on one of the servers and the client channels opened to it, closed
 * together after the test (with {@code @AutoClose}): the channels first, so that a call
 * left open cannot hold the server's shutdown. A test may close the application itself,
 * to see what its shutdown does.
 */
final class ServerFixture implements AutoCloseable {

	private final ClientChannels channels = new ClientChannels();

	private TestGrpcServer.Started started;

	/**
	 * Start the application on the given server.
	 * @param server the server
	 * @param application the application, made by {@link TestGrpcServer#application}
	 */
	void start(TestGrpcServer server, SpringApplicationBuilder application) {
		this.started = server.start(application);
	}

	/**
	 * The started application.
	 * @return the application
	 */
	TestGrpcServer.Started started() {
		Assert.state(this.started != null, "Start the application first");
		return this.started;
	}

	/**
	 * A new plain-text channel to the server's current port.
	 * @return the channel
	 */
	ManagedChannel channel() {
		return channel(UnaryOperator.identity());
	}

	/**
	 * A new plain-text channel to the server's current port, with settings of its own.
	 * @param settings what to set on the channel's builder
	 * @return the channel
	 */
	ManagedChannel channel(UnaryOperator<NettyChannelBuilder> settings) {
		ManagedChannel channel = settings.apply(NettyChannelBuilder.forAddress("127.0.0.1", started().port()))
			.usePlaintext()
			.build();
		return this.channels.add(channel);
	}

	@Override
	public void close() throws InterruptedException {
		this.channels.shutdownNow();
		if (this.started != null) {
			this.started.close();
		}
	}

}
