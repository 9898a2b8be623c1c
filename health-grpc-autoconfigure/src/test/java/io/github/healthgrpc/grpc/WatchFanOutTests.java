package io.github.healthgrpc.grpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that telling 10,000 real Watch calls about a change never runs on the thread
 * that recorded it: a check whose answer never comes times out and every watcher hears
 * NOT_SERVING from the store's listener thread, not the engine's timer; a result recorded
 * while 10,000 watchers are attached returns long before they have all been told.
 */
class WatchFanOutTests {

	private static final int CHANNELS = 4;

	private static final int WATCHERS = 10_000;

	private final StatusStore store = new StatusStore();

	private final CountingHealthGrpcService service = new CountingHealthGrpcService(this.store,
			new WatchLimits(WATCHERS, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES));

	private final CheckRunner runner = new CheckRunner(this.store, 2);

	private final AtomicBoolean hang = new AtomicBoolean();

	private final List<ManagedChannel> channels = new ArrayList<>();

	private final List<Watcher> watchers = new ArrayList<>();

	// Over Netty: the watchers spread over real connections, whose transport threads may
	// send when a call's transport was busy.
	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.overNetty();

	@BeforeEach
	void start() {
		this.store.defineServices(Map.of("", Set.of("slow"), "demo.Slow", Set.of("slow")));
		this.store.setAcceptingTraffic(true);
		this.server.start(this.service);
		for (int i = 0; i < CHANNELS; i++) {
			this.channels.add(this.server.newChannel());
		}
		CheckDefinition slow = new CheckDefinition.Polled("slow", () -> this.hang.get() ? new CompletableFuture<>()
				: CompletableFuture.completedFuture(Health.up().build()));
		this.runner.start(List.of(slow), (name) -> new CheckSchedule(Duration.ofMillis(200), Duration.ofMillis(100)));
	}

	@AfterEach
	void stop() {
		this.runner.close();
	}

	@Test
	void aTimedOutCheckReachesTenThousandWatchersAndTheirFanOutNeverRunsOnTheRecordingThread() {
		attachWatchers();
		this.service.sendingThreads().clear();
		this.hang.set(true);
		await().atMost(Duration.ofSeconds(60)).until(() -> allTold(ServingStatus.NOT_SERVING, 0));
		assertThat(this.store.checkResult("slow").getDetails().toString()).contains("did not answer");
		// Sent by the store's listener thread, or by gRPC's when a call's transport was
		// busy: never by the engine's timer, which recorded the timeout.
		assertThat(this.service.sendingThreads()).isNotEmpty()
			.allMatch((thread) -> thread.startsWith("health-grpc-listener-") || thread.startsWith("grpc-"));
		this.runner.close();
		List<Long> recordMicros = new ArrayList<>();
		List<Long> fanOutMicros = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			ServingStatus expected = (round % 2 == 0) ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
			long before = System.nanoTime();
			this.store.record("slow", (round % 2 == 0) ? Health.up().build() : Health.down().build());
			recordMicros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - before));
			await().atMost(Duration.ofSeconds(60)).until(() -> allTold(expected, before));
			fanOutMicros.add(TimeUnit.NANOSECONDS
				.toMicros(this.watchers.stream().mapToLong((watcher) -> watcher.told(expected)).max().orElseThrow()
						- before));
		}
		Collections.sort(recordMicros);
		Collections.sort(fanOutMicros);
		System.out.printf("Fan-out: %d watchers over %d connections; a timed-out check told them all NOT_SERVING, sent "
				+ "on %s; 5 results recorded with them attached: record() returned after %s µs, the last watcher "
				+ "was told after %s µs%n", WATCHERS, CHANNELS, this.service.sendingThreads(), recordMicros,
				fanOutMicros);
		assertThat(recordMicros.get(2)).as("median record() with %d watchers attached, in µs", WATCHERS)
			.isLessThan(fanOutMicros.get(2) / 4);
		assertThat(this.service.watcherCount()).isEqualTo(WATCHERS);
	}

	private void attachWatchers() {
		for (int i = 0; i < WATCHERS; i++) {
			Watcher watcher = new Watcher();
			this.watchers.add(watcher);
			HealthGrpc.newStub(this.channels.get(i % CHANNELS))
				.watch(HealthCheckRequest.newBuilder().setService("demo.Slow").build(), watcher);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> allTold(ServingStatus.SERVING, 0));
	}

	private boolean allTold(ServingStatus status, long since) {
		return this.watchers.stream().allMatch((watcher) -> watcher.told(status) > since);
	}

	/**
	 * A Watch call that notes when it was last told each status.
	 */
	private static final class Watcher implements StreamObserver<HealthCheckResponse> {

		private final Map<ServingStatus, Long> told = new ConcurrentHashMap<>();

		@Override
		public void onNext(HealthCheckResponse value) {
			this.told.put(value.getStatus(), System.nanoTime());
		}

		@Override
		public void onError(Throwable throwable) {
		}

		@Override
		public void onCompleted() {
		}

		long told(ServingStatus status) {
			return this.told.getOrDefault(status, 0L);
		}

	}

}
