package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves on each server that no client can lock others out of Watch by flooding it: with
 * {@code grpc.health.watch.max-watchers=50} held full by 24 connections from one loopback
 * address that re-open every call that ends, a new grpc-java channel with client-side
 * health checking ({@code round_robin} with {@code healthCheckConfig}) is admitted, and
 * sends every call to its SERVING backend throughout the flood without its Watch ever
 * ending; and that one connection carrying many clients' calls (a proxy) is not refused
 * while the budget has room.
 */
class WatchFloodTests {

	private static final int MAX_WATCHERS = 50;

	private static final int FLOOD_CONNECTIONS = 24;

	// 72 calls wanted against a budget of 50: the budget stays full, and calls keep being
	// refused and re-opened.
	private static final int FLOOD_PER_CONNECTION = 3;

	private static final Duration FLOOD_FOR = Duration.ofSeconds(3);

	private static final int MAX_FLOOD_CALLS = 20_000;

	@AutoClose
	private final ServerFixture fixture = new ServerFixture();

	@AutoClose
	private PickerChanges pickerChanges;

	@ParameterizedTest
	@EnumSource
	void aHealthCheckingClientIsRoutedThroughoutAFloodFromManyConnectionsOfOneAddress(TestGrpcServer server)
			throws Exception {
		start(server, MAX_WATCHERS);
		HealthGrpcService health = this.fixture.started().context().getBean(HealthGrpcService.class);
		List<ManagedChannel> flooders = IntStream.range(0, FLOOD_CONNECTIONS)
			.mapToObj((i) -> this.fixture.channel())
			.toList();
		try (WatchFlood flood = new WatchFlood(flooders, EchoBackend.SERVICE, FLOOD_PER_CONNECTION, MAX_FLOOD_CALLS)) {
			await().until(() -> health.watcherCount() == MAX_WATCHERS && flood.refused() > 0);
			this.pickerChanges = new PickerChanges();
			long joined = System.nanoTime();
			ManagedChannel balanced = this.fixture.channel((builder) -> builder
				.defaultServiceConfig(Map.of("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
						"healthCheckConfig", Map.of("serviceName", EchoBackend.SERVICE))));
			int floodOpenedBefore = flood.opened();
			try (BalancedCalls calls = new BalancedCalls(balanced)) {
				await().atMost(Duration.ofSeconds(10)).until(() -> calls.answeredBy("A", joined) > 0);
				long routed = calls.firstAnsweredBy("A", joined);
				await().during(FLOOD_FOR).atMost(FLOOD_FOR.plusSeconds(5)).until(() -> calls.failures().isEmpty());
				int callsMade = calls.count();
				int floodCalls = flood.opened() - floodOpenedBefore;
				System.out.printf("%s, Watch flood from %d connections of 127.0.0.1 (max-watchers %d): a new "
						+ "health-checking channel routed its first call %d ms after it was made, then %d calls "
						+ "in %d s, none failed; its channel states: %s; meanwhile the flood opened %d calls "
						+ "(in all: %d opened, %d refused, %d gave way, %d ended otherwise), %d Watch calls open%n",
						server, FLOOD_CONNECTIONS, MAX_WATCHERS, (routed - joined) / 1_000_000, callsMade,
						FLOOD_FOR.toSeconds(), this.pickerChanges.states(), floodCalls, flood.opened(), flood.refused(),
						flood.evicted(), flood.other(), health.watcherCount());
				assertThat(calls.failures()).as("failed calls").isEmpty();
				assertThat(callsMade).isGreaterThan(100);
				// The flood kept knocking throughout: it did not give up or run out of
				// calls.
				assertThat(floodCalls).isGreaterThan(100);
				assertThat(flood.opened()).isLessThan(MAX_FLOOD_CALLS);
				assertThat(flood.other()).as("flood calls that ended otherwise than RESOURCE_EXHAUSTED").isZero();
				assertThat(health.watcherCount()).isEqualTo(MAX_WATCHERS);
				// Its Watch never ended: an ended health-check stream turns the channel
				// TRANSIENT_FAILURE until a new one hears SERVING.
				assertThat(this.pickerChanges.states()).doesNotContain("TRANSIENT_FAILURE").endsWith("READY");
				// And the client still follows the backend's health.
				ManualHealthCheck ready = this.fixture.started().context().getBean(ManualHealthCheck.class);
				ready.down("taken out by the test");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> this.pickerChanges.states().get(this.pickerChanges.states().size() - 1),
							(state) -> state.equals("TRANSIENT_FAILURE"));
			}
		}
	}

	@ParameterizedTest
	@EnumSource
	void aConnectionCarryingManyWatchCallsIsServedWhileTheBudgetHasRoom(TestGrpcServer server) throws Exception {
		int maxWatchers = 150;
		start(server, maxWatchers);
		HealthGrpcService health = this.fixture.started().context().getBean(HealthGrpcService.class);
		ManagedChannel proxy = this.fixture.channel();
		List<WatchRecorder> carried = new ArrayList<>();
		for (int i = 0; i < maxWatchers; i++) {
			carried.add(WatchRecorder.watch(HealthGrpc.newStub(proxy), EchoBackend.SERVICE));
		}
		try {
			for (WatchRecorder call : carried) {
				assertThat(call.next()).isEqualTo(ServingStatus.SERVING);
			}
			// The budget is full, and this connection holds it all: one more is refused,
			// naming the limit to raise.
			try (WatchRecorder more = WatchRecorder.watch(HealthGrpc.newStub(proxy), EchoBackend.SERVICE)) {
				Status refused = Status.fromThrowable(more.awaitEnded());
				assertThat(refused.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
				assertThat(refused.getDescription()).contains("grpc.health.watch.max-watchers");
			}
			// A client on another connection is admitted; the proxy's oldest call gives
			// way, told why and what to change.
			try (WatchRecorder newcomer = WatchRecorder.watch(HealthGrpc.newStub(this.fixture.channel()),
					EchoBackend.SERVICE)) {
				assertThat(newcomer.next()).isEqualTo(ServingStatus.SERVING);
				// The calls were sent together: which one the server admitted first is
				// its choice.
				WatchRecorder oldest = await()
					.until(() -> carried.stream().filter((call) -> !call.isOpen()).toList(),
							(ended) -> !ended.isEmpty())
					.get(0);
				Status gaveWay = Status.fromThrowable(oldest.awaitEnded());
				System.out.printf(
						"%s, one connection held all %d Watch calls; a newcomer on another was "
								+ "admitted and the connection's oldest call ended: %s%n",
						server, maxWatchers, gaveWay);
				assertThat(gaveWay.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
				assertThat(gaveWay.getDescription()).contains("grpc.health.watch.max-watchers", "held the most");
				assertThat(carried.stream().filter(WatchRecorder::isOpen)).hasSize(maxWatchers - 1);
				assertThat(health.watcherCount()).isEqualTo(maxWatchers);
			}
		}
		finally {
			carried.forEach(WatchRecorder::close);
		}
	}

	private void start(TestGrpcServer server, int maxWatchers) {
		this.fixture.start(server,
				server.application(EchoBackend.class)
					.properties(EchoBackend.properties("A"))
					.properties("grpc.health.watch.max-watchers=" + maxWatchers));
	}

}
