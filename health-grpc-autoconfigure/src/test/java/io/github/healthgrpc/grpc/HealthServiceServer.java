package io.github.healthgrpc.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import org.springframework.util.Assert;

/**
 * The Health service on a server, and the client channels opened to it, closed together
 * after the test (hold it in a field with {@code @AutoClose}): the channels first, so
 * that a call left open cannot hold the server's shutdown.
 * <p>
 * {@link #inProcess()} serves it in-process, as grpc-java's
 * {@code HealthStatusManagerTest} does with {@code GrpcServerRule}: the default, for
 * tests about what the service answers. Not with {@code directExecutor()}, as that test
 * does: the in-process transport calls the server from the client's threads, so a direct
 * server executor, made for a transport that calls it from one thread, can lose an
 * {@code onReady} that arrives while the call's first callback still runs, and a Watch
 * then never sends the next change (seen here in two of five runs of
 * {@code HealthGrpcServiceTests}, with a direct client executor or not).
 * <p>
 * {@link #overNetty()} serves it on a random loopback port for tests where the transport
 * is the point: flow control and slow readers, the identity of a client connection, real
 * TCP connections cut off.
 */
public final class HealthServiceServer implements AutoCloseable {

	private final boolean netty;

	private final String name = InProcessServerBuilder.generateName();

	private final ClientChannels channels = new ClientChannels();

	private Executor executor;

	private Server server;

	private ManagedChannel channel;

	private HealthServiceServer(boolean netty) {
		this.netty = netty;
	}

	/**
	 * A server in this process: no sockets, no ports.
	 * @return the fixture, to be started
	 */
	public static HealthServiceServer inProcess() {
		return new HealthServiceServer(false);
	}

	/**
	 * A Netty server on a random loopback port, with grpc-java's default executor.
	 * @return the fixture, to be started
	 */
	public static HealthServiceServer overNetty() {
		return new HealthServiceServer(true);
	}

	/**
	 * Run the server's calls on the given executor instead of grpc-java's default.
	 * @param executor the executor, shut down by the test after the fixture closed
	 * @return this fixture
	 */
	public HealthServiceServer executor(Executor executor) {
		this.executor = executor;
		return this;
	}

	/**
	 * Start the server with the given services.
	 * @param services the Health service, and any other the test needs
	 * @return this fixture
	 */
	public HealthServiceServer start(BindableService... services) {
		List<ServerServiceDefinition> definitions = new ArrayList<>();
		for (BindableService service : services) {
			definitions.add(service.bindService());
		}
		return start(definitions);
	}

	/**
	 * Start the server with the given services.
	 * @param services the Health service, and any other the test needs
	 * @return this fixture
	 */
	public HealthServiceServer start(List<ServerServiceDefinition> services) {
		Assert.state(this.server == null, "The server has started already");
		ServerBuilder<?> builder = this.netty ? NettyServerBuilder.forPort(0)
				: InProcessServerBuilder.forName(this.name);
		if (this.executor != null) {
			builder.executor(this.executor);
		}
		services.forEach(builder::addService);
		try {
			this.server = builder.build().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * The channel the test's calls share, opened on first use.
	 * @return the channel
	 */
	public ManagedChannel channel() {
		if (this.channel == null) {
			this.channel = newChannel();
		}
		return this.channel;
	}

	/**
	 * A channel of its own: over Netty, a client connection of its own.
	 * @return the channel, closed with the fixture
	 */
	public ManagedChannel newChannel() {
		return newChannel(UnaryOperator.identity());
	}

	/**
	 * A channel of its own, built with the given settings.
	 * @param settings applied to the builder, which is plaintext already
	 * @return the channel, closed with the fixture
	 */
	public ManagedChannel newChannel(UnaryOperator<ManagedChannelBuilder<?>> settings) {
		Assert.state(this.server != null, "Start the server first");
		ManagedChannelBuilder<?> builder = this.netty
				? NettyChannelBuilder.forAddress("127.0.0.1", this.server.getPort()).usePlaintext()
				: InProcessChannelBuilder.forName(this.name);
		return this.channels.add(settings.apply(builder).build());
	}

	@Override
	public void close() throws InterruptedException {
		this.channels.shutdownNow();
		if (this.server != null) {
			this.server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

}
