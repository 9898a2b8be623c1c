package io.github.healthgrpc.grpc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Proves that one client connection cannot take the whole Watch budget: with
 * {@code max-watchers=300}, a connection that opens 400 Watch calls holds 100 (the
 * per-connection default) and is refused the rest, while grpc-java's client-side health
 * checking ({@code round_robin} with {@code healthCheckConfig}) on another connection
 * keeps sending real calls; the total limit still holds across connections.
 */
class WatchConnectionLimitTests {

	private static final int MAX_WATCHERS = 300;

	private static final int FLOOD = 400;

	private static final MethodDescriptor<byte[], byte[]> PING = ByteArrayMarshaller.method("demo.Quick/Ping",
			MethodDescriptor.MethodType.UNARY);

	private final StatusStore store = new StatusStore();

	private final List<ManagedChannel> channels = new ArrayList<>();

	private final List<WatchRecorder> watches = new ArrayList<>();

	private HealthGrpcService service;

	private Server server;

	@AfterEach
	void stop() throws InterruptedException {
		this.watches.forEach(WatchRecorder::close);
		for (ManagedChannel channel : this.channels) {
			channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
		this.server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void aConnectionFloodingWatchCallsLeavesAHealthCheckingClientOnAnotherConnectionWorking()
			throws IOException, InterruptedException {
		start(new WatchLimits(MAX_WATCHERS, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES,
				WatchLimits.DEFAULT_MAX_PER_CONNECTION));
		int refused = flood(newChannel());
		System.out.printf("Watch flood on one connection: %d calls, %d held, %d refused naming "
				+ "grpc.health.watch.max-per-connection (max-watchers %d)%n", FLOOD, this.service.watcherCount(), refused,
				MAX_WATCHERS);
		assertThat(refused).isEqualTo(FLOOD - WatchLimits.DEFAULT_MAX_PER_CONNECTION);
		ManagedChannel balanced = newChannel(NettyChannelBuilder.forAddress("127.0.0.1", this.server.getPort())
			.defaultServiceConfig(Map.of("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
					"healthCheckConfig", Map.of("serviceName", "demo.Quick"))));
		for (int i = 0; i < 20; i++) {
			assertThat(ping(balanced)).containsExactly(1);
		}
		// The client really health-checks over Watch: its call is the one beyond the flood,
		// and a NOT_SERVING status takes the backend out of its balancer.
		assertThat(this.service.watcherCount()).isEqualTo(WatchLimits.DEFAULT_MAX_PER_CONNECTION + 1);
		this.store.record("quick", Health.down().build());
		await().untilAsserted(() -> assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> ping(balanced))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE)));
		this.store.record("quick", Health.up().build());
		await().ignoreExceptions().untilAsserted(() -> assertThat(ping(balanced)).containsExactly(1));
		assertThat(this.watches.stream().filter(WatchRecorder::isOpen).count())
			.as("flood calls still open throughout").isEqualTo(WatchLimits.DEFAULT_MAX_PER_CONNECTION);
	}

	@Test
	void theTotalLimitStillHoldsAcrossConnections() throws IOException, InterruptedException {
		start(new WatchLimits(150, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES, 100));
		ManagedChannel first = newChannel();
		for (int i = 0; i < 100; i++) {
			assertThat(watch(first).next()).isEqualTo(ServingStatus.SERVING);
		}
		ManagedChannel second = newChannel();
		for (int i = 0; i < 50; i++) {
			assertThat(watch(second).next()).isEqualTo(ServingStatus.SERVING);
		}
		Status refused = Status.fromThrowable(watch(newChannel()).awaitEnded());
		assertThat(refused.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		assertThat(refused.getDescription()).contains("grpc.health.watch.max-watchers");
		// A connection's ended calls give its allowance back.
		this.watches.get(0).cancel();
		await().untilAsserted(() -> assertThat(this.service.watcherCount()).isEqualTo(149));
		assertThat(watch(first).next()).isEqualTo(ServingStatus.SERVING);
	}

	private void start(WatchLimits limits) throws IOException {
		this.store.defineServices(Map.of("", Set.of("quick"), "demo.Quick", Set.of("quick")));
		this.store.record("quick", Health.up().build());
		this.store.setAcceptingTraffic(true);
		this.service = new HealthGrpcService(this.store, 100, limits);
		ServerServiceDefinition quick = ServerServiceDefinition.builder("demo.Quick")
			.addMethod(PING, ServerCalls.asyncUnaryCall((request, response) -> {
				response.onNext(request);
				response.onCompleted();
			}))
			.build();
		this.server = NettyServerBuilder.forPort(0).addService(this.service).addService(quick).build().start();
	}

	// Opens FLOOD Watch calls on one connection and returns how many were refused for the
	// per-connection limit.
	private int flood(ManagedChannel channel) throws InterruptedException {
		List<WatchRecorder> flood = new ArrayList<>();
		for (int i = 0; i < FLOOD; i++) {
			flood.add(watch(channel));
		}
		await().until(() -> flood.stream().allMatch(WatchRecorder::answered));
		int refused = 0;
		for (WatchRecorder watch : flood) {
			if (watch.isOpen()) {
				assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
				continue;
			}
			Status status = Status.fromThrowable(watch.error());
			assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
			assertThat(status.getDescription()).contains("grpc.health.watch.max-per-connection");
			refused++;
		}
		return refused;
	}

	private WatchRecorder watch(ManagedChannel channel) {
		WatchRecorder watch = WatchRecorder.watch(HealthGrpc.newStub(channel), "demo.Quick");
		this.watches.add(watch);
		return watch;
	}

	private static byte[] ping(ManagedChannel channel) {
		return ClientCalls.blockingUnaryCall(channel, PING, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
				new byte[] { 1 });
	}

	private ManagedChannel newChannel() {
		return newChannel(NettyChannelBuilder.forAddress("127.0.0.1", this.server.getPort()));
	}

	private ManagedChannel newChannel(NettyChannelBuilder builder) {
		ManagedChannel channel = builder.usePlaintext().build();
		this.channels.add(channel);
		return channel;
	}

}
