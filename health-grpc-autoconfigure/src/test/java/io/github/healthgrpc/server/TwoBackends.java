package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

import org.springframework.util.Assert;

import static org.awaitility.Awaitility.await;

/**
 * Two backends, {@code A} and {@code B}, each an {@link EchoBackend} application on its
 * own server and port, and one client channel that balances calls over both with
 * grpc-java's {@code round_robin} and client-side health checking of
 * {@link EchoBackend#SERVICE}; its calls run from the start. Everything is closed
 * together after the test (with {@code @AutoClose}): the calls, the channel, then the
 * backends.
 */
final class TwoBackends implements AutoCloseable {

	private TestGrpcServer.Started a;

	private TestGrpcServer.Started b;

	private ManagedChannel channel;

	private PickerChanges pickerChanges;

	private BalancedCalls calls;

	/**
	 * Start both backends, then the client, and wait until both backends take calls.
	 * @param server the server both backends run on
	 * @param drainDelayOfA the drain delay of backend {@code A}; {@code B} has none, so
	 * that it closes at once after the test
	 */
	void start(TestGrpcServer server, Duration drainDelayOfA) {
		this.a = start(server, "A", drainDelayOfA);
		this.b = start(server, "B", Duration.ZERO);
		this.pickerChanges = new PickerChanges();
		this.channel = NettyChannelBuilder.forTarget(StaticAddresses.target(this.a.port(), this.b.port()))
			.defaultServiceConfig(Map.of("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
					"healthCheckConfig", Map.of("serviceName", EchoBackend.SERVICE)))
			.usePlaintext()
			.build();
		this.calls = new BalancedCalls(this.channel);
		await().until(() -> this.calls.answeredBy("A", Long.MIN_VALUE) > 10
				&& this.calls.answeredBy("B", Long.MIN_VALUE) > 10);
	}

	private static TestGrpcServer.Started start(TestGrpcServer server, String name, Duration drainDelay) {
		return server.start(server.application(EchoBackend.class)
			.properties(EchoBackend.properties(name))
			.properties("grpc.health.shutdown.drain-delay=" + drainDelay.toMillis() + "ms"));
	}

	TestGrpcServer.Started a() {
		Assert.state(this.a != null, "Start the backends first");
		return this.a;
	}

	TestGrpcServer.Started b() {
		Assert.state(this.b != null, "Start the backends first");
		return this.b;
	}

	PickerChanges pickerChanges() {
		return this.pickerChanges;
	}

	BalancedCalls calls() {
		return this.calls;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.calls != null) {
			this.calls.close();
		}
		if (this.channel != null) {
			this.channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
		if (this.pickerChanges != null) {
			this.pickerChanges.close();
		}
		if (this.a != null) {
			this.a.close();
		}
		if (this.b != null) {
			this.b.close();
		}
	}

}
