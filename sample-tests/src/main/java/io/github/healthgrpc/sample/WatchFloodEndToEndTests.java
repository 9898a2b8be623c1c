package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.WatchLimits;
import io.github.healthgrpc.sample.proto.GreeterGrpc;
import io.github.healthgrpc.sample.proto.HelloRequest;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No client locks others out of Watch, on the real server with real clients: while 110
 * connections from 127.0.0.1 hold the whole Watch budget and re-open every call that
 * ends, a new grpc-java channel with client-side health checking ({@code round_robin}
 * with {@code healthCheckConfig} on {@code demo.Greeter}) is admitted and sends every
 * call to the SERVING server throughout, its channel never leaving READY. The limits are
 * the sample's defaults, so the test shares the other end-to-end tests' application.
 */
class WatchFloodEndToEndTests extends AbstractSampleServerTests {

	private static final int MAX_WATCHERS = WatchLimits.DEFAULT_MAX_WATCHERS;

	// More connections than the default budget holds calls of the per-connection cap of
	// before (100 each): the flood of issue 14, 100 connections of 100 calls, took them
	// all.
	private static final int FLOOD_CONNECTIONS = 110;

	// 10,010 calls wanted against the default budget of 10,000: full, with calls refused
	// and re-opened, a few hundred a second.
	private static final int FLOOD_PER_CONNECTION = MAX_WATCHERS / FLOOD_CONNECTIONS + 1;

	private static final Duration FLOOD_FOR = Duration.ofSeconds(3);

	private static final int MAX_FLOOD_CALLS = 40_000;

	@Autowired
	HealthGrpcService healthGrpcService;

	private List<ManagedChannel> channels = List.of();

	@AfterEach
	void closeChannels() throws InterruptedException {
		for (ManagedChannel channel : this.channels) {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
		// The next test class shares the application: leave it holding no Watch call.
		await().atMost(PATIENCE).until(() -> this.healthGrpcService.watcherCount() == 0);
	}

	@Test
	void aHealthCheckingClientIsRoutedThroughoutAWatchFloodFromManyLoopbackConnections() throws Exception {
		awaitStatus("demo.Greeter", ServingStatus.SERVING);
		this.channels = IntStream.range(0, FLOOD_CONNECTIONS).mapToObj((i) -> loopbackChannel()).toList();
		try (WatchFlood flood = new WatchFlood(this.channels, "demo.Greeter", FLOOD_PER_CONNECTION, MAX_FLOOD_CALLS)) {
			long floodStarted = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.healthGrpcService.watcherCount() == MAX_WATCHERS && flood.refused() > 0);
			long full = System.nanoTime();
			ManagedChannel balanced = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcServerPort.get())
				.defaultServiceConfig(Map.of("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
						"healthCheckConfig", Map.of("serviceName", "demo.Greeter")))
				.usePlaintext()
				.build();
			this.channels = concat(this.channels, balanced);
			Queue<ConnectivityState> states = new ConcurrentLinkedQueue<>();
			record(balanced, balanced.getState(true), states);
			long joined = System.nanoTime();
			AtomicInteger calls = new AtomicInteger();
			Queue<Status> failures = new ConcurrentLinkedQueue<>();
			// The first call waits for the channel to be READY: it may, since it is
			// admitted.
			sayHello(balanced, true, calls, failures);
			long routed = System.nanoTime();
			int floodOpenedBefore = flood.opened();
			long until = routed + FLOOD_FOR.toNanos();
			while (System.nanoTime() < until) {
				sayHello(balanced, false, calls, failures);
			}
			int floodCalls = flood.opened() - floodOpenedBefore;
			System.out
				.printf("%s, Watch flood from %d connections of 127.0.0.1 (max-watchers %d, full after %d ms): a new "
						+ "health-checking channel's first call answered %d ms after it was made, then %d calls in "
						+ "%d s, %d failed; its channel states: %s; meanwhile the flood opened %d calls (in all: %d "
						+ "opened, %d refused, %d gave way, %d ended otherwise), %d Watch calls open%n",
						SampleServer.get().getClass().getSimpleName(), FLOOD_CONNECTIONS, MAX_WATCHERS,
						(full - floodStarted) / 1_000_000, (routed - joined) / 1_000_000, calls.get(),
						FLOOD_FOR.toSeconds(), failures.size(), states, floodCalls, flood.opened(), flood.refused(),
						flood.gaveWay(), flood.endedOtherwise(), this.healthGrpcService.watcherCount());
			assertThat(failures).as("failed calls").isEmpty();
			assertThat(calls.get()).isGreaterThan(100);
			// The flood kept knocking throughout, and never got the client's call.
			assertThat(floodCalls).isGreaterThan(100);
			assertThat(flood.opened()).isLessThan(MAX_FLOOD_CALLS);
			assertThat(flood.endedOtherwise()).isZero();
			assertThat(this.healthGrpcService.watcherCount()).isEqualTo(MAX_WATCHERS);
			// An ended health-check stream would have taken the channel out of READY.
			assertThat(states).doesNotContain(ConnectivityState.TRANSIENT_FAILURE).endsWith(ConnectivityState.READY);
			assertThat(balanced.getState(false)).isEqualTo(ConnectivityState.READY);
		}
	}

	private ManagedChannel loopbackChannel() {
		return ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcServerPort.get()).usePlaintext().build();
	}

	private static void sayHello(ManagedChannel channel, boolean waitForReady, AtomicInteger calls,
			Queue<Status> failures) {
		GreeterGrpc.GreeterBlockingStub greeter = GreeterGrpc.newBlockingStub(channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS);
		try {
			(waitForReady ? greeter.withWaitForReady() : greeter)
				.sayHello(HelloRequest.newBuilder().setName("Ada").build());
			calls.incrementAndGet();
		}
		catch (RuntimeException ex) {
			failures.add(Status.fromThrowable(ex));
		}
	}

	// Every state the channel enters, as grpc-java reports them one change at a time.
	private static void record(ManagedChannel channel, ConnectivityState current, Queue<ConnectivityState> states) {
		channel.notifyWhenStateChanged(current, () -> {
			ConnectivityState next = channel.getState(false);
			states.add(next);
			record(channel, next, states);
		});
	}

	private static List<ManagedChannel> concat(List<ManagedChannel> channels, ManagedChannel channel) {
		return Stream.concat(channels.stream(), Stream.of(channel)).toList();
	}

}
