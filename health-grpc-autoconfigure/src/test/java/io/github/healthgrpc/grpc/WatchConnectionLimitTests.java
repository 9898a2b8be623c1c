package io.github.healthgrpc.grpc;

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
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Proves that one client connection cannot lock others out of Watch: with
 * {@code max-watchers=300}, a connection that opens 400 Watch calls holds all 300 and is
 * refused the rest, and grpc-java's client-side health checking ({@code round_robin} with
 * {@code healthCheckConfig}) on another connection is still admitted, the flood's oldest
 * call giving way, and keeps sending real calls; the total limit holds across
 * connections, and the connection holding the most is the one that gives way.
 */
class WatchConnectionLimitTests {

	private static final int MAX_WATCHERS = 300;

	private static final int FLOOD = 400;

	private static final MethodDescriptor<byte[], byte[]> PING = ByteArrayMarshaller.method("demo.Quick/Ping",
			MethodDescriptor.MethodType.UNARY);

	private final StatusStore store = new StatusStore();

	private final List<WatchRecorder> watches = new ArrayList<>();

	private HealthGrpcService service;

	// Over Netty: the limits are per client connection, so each channel must be one.
	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.overNetty();

	@AfterEach
	void stop() {
		this.watches.forEach(WatchRecorder::close);
	}

	@Test
	void aConnectionFloodingWatchCallsLeavesAHealthCheckingClientOnAnotherConnectionWorking()
			throws InterruptedException {
		start(new WatchLimits(MAX_WATCHERS, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES));
		int refused = flood(newChannel());
		System.out.printf(
				"Watch flood on one connection: %d calls, %d held, %d refused naming "
						+ "grpc.health.watch.max-watchers (max-watchers %d)%n",
				FLOOD, this.service.watcherCount(), refused, MAX_WATCHERS);
		assertThat(refused).isEqualTo(FLOOD - MAX_WATCHERS);
		List<WatchRecorder> held = this.watches.stream().filter(WatchRecorder::isOpen).toList();
		ManagedChannel balanced = this.server.newChannel((builder) -> builder
			.defaultServiceConfig(Map.of("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
					"healthCheckConfig", Map.of("serviceName", "demo.Quick"))));
		for (int i = 0; i < 20; i++) {
			assertThat(ping(balanced)).containsExactly(1);
		}
		// The client really health-checks over Watch: its call took the place of the
		// flood's oldest, and a NOT_SERVING status takes the backend out of its balancer.
		assertThat(this.service.watcherCount()).isEqualTo(MAX_WATCHERS);
		List<WatchRecorder> gaveWay = held.stream().filter((watch) -> !watch.isOpen()).toList();
		assertThat(gaveWay).hasSize(1);
		assertGaveWay(gaveWay.get(0), MAX_WATCHERS);
		this.store.record("quick", Health.down().build());
		await().untilAsserted(
				() -> assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> ping(balanced))
					.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE)));
		this.store.record("quick", Health.up().build());
		await().ignoreExceptions().untilAsserted(() -> assertThat(ping(balanced)).containsExactly(1));
		assertThat(this.watches.stream().filter(WatchRecorder::isOpen).count()).as("flood calls still open throughout")
			.isEqualTo(MAX_WATCHERS - 1);
	}

	@Test
	void theTotalLimitHoldsAcrossConnectionsAndTheConnectionHoldingTheMostGivesWay() throws InterruptedException {
		start(new WatchLimits(150, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES));
		ManagedChannel first = newChannel();
		for (int i = 0; i < 100; i++) {
			assertThat(watch(first).next()).isEqualTo(ServingStatus.SERVING);
		}
		ManagedChannel second = newChannel();
		for (int i = 0; i < 50; i++) {
			assertThat(watch(second).next()).isEqualTo(ServingStatus.SERVING);
		}
		// The budget is full: the connection holding the most gets no more.
		assertRefused(watch(first));
		// One holding fewer does, and the heaviest's oldest call gives way, then its
		// next.
		assertThat(watch(second).next()).isEqualTo(ServingStatus.SERVING);
		assertGaveWay(this.watches.get(0), 100);
		assertThat(watch(newChannel()).next()).isEqualTo(ServingStatus.SERVING);
		assertGaveWay(this.watches.get(1), 99);
		assertThat(this.service.watcherCount()).isEqualTo(150);
		assertThat(this.watches.subList(2, 150)).allMatch(WatchRecorder::isOpen);
		// A connection's ended calls give the budget back.
		this.watches.get(2).cancel();
		await().untilAsserted(() -> assertThat(this.service.watcherCount()).isEqualTo(149));
		assertThat(watch(first).next()).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void aConnectionHoldingOneWatchNeverGivesWay() throws InterruptedException {
		start(new WatchLimits(4, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES));
		List<ManagedChannel> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clients.add(newChannel());
			assertThat(watch(clients.get(i)).next()).isEqualTo(ServingStatus.SERVING);
		}
		// Only as many connections as max-watchers, one Watch each, lock a newcomer out.
		assertRefused(watch(newChannel()));
		assertRefused(watch(clients.get(0)));
		assertThat(this.watches.subList(0, 4)).allMatch(WatchRecorder::isOpen);
	}

	private static void assertRefused(WatchRecorder watch) throws InterruptedException {
		Status refused = Status.fromThrowable(watch.awaitEnded());
		assertThat(refused.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		assertThat(refused.getDescription()).contains("grpc.health.watch.max-watchers", "no client connection");
	}

	private static void assertGaveWay(WatchRecorder watch, int held) throws InterruptedException {
		Status gaveWay = Status.fromThrowable(watch.awaitEnded());
		assertThat(gaveWay.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		assertThat(gaveWay.getDescription()).contains("grpc.health.watch.max-watchers",
				"held the most of them (" + held + ")", "spread the calls over more connections");
	}

	private void start(WatchLimits limits) {
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
		this.server.start(List.of(this.service.bindService(), quick));
	}

	// Opens FLOOD Watch calls on one connection and returns how many were refused for the
	// total limit.
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
			assertThat(status.getDescription()).contains("grpc.health.watch.max-watchers");
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
		return this.server.newChannel();
	}

}
