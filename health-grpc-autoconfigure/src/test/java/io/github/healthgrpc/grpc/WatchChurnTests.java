package io.github.healthgrpc.grpc;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that thousands of Watch calls ended abruptly (client cancel, deadline, channel
 * shutdown) while statuses flip leave nothing behind: no watcher, no per-service entry
 * and no heap beyond the baseline.
 */
class WatchChurnTests {

	private static final int BATCHES_PER_WAY = 10;

	private static final int BATCH = 100;

	// A watcher left behind retains about 1.4 KB (3,000 of them measured +4.0 MB), so
	// this catches a leak of half of them; runs without a leak measured +0.1 MB.
	private static final long MAX_HEAP_GROWTH = 2L * 1024 * 1024;

	private static final List<String> NAMES = List.of("", "demo.Inventory", "churn.Unknown1", "churn.Unknown2",
			"churn.Unknown3");

	private final StatusStore store = new StatusStore();

	private final HealthGrpcService service = new HealthGrpcService(this.store, 100);

	private final ScheduledExecutorService flipper = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger flips = new AtomicInteger();

	// A fixed pool, so that the heap does not count the threads (and their thread-locals)
	// that grpc-java's default cached pool would add under load.
	private final ExecutorService serverThreads = Executors.newFixedThreadPool(4);

	// Over Netty: a third of the calls are cut off by their TCP connection going away.
	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.overNetty().executor(this.serverThreads);

	private ManagedChannel channel;

	@BeforeEach
	void start() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db", "pricing")));
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.up().build());
		this.store.setAcceptingTraffic(true);
		this.server.start(this.service);
		this.channel = this.server.newChannel();
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.flipper.shutdownNow();
		// The server's threads go once the fixture has closed the server.
		this.server.close();
		this.serverThreads.shutdownNow();
	}

	@Test
	void watchersEndedInEveryWayLeaveNothingBehind() throws Exception {
		churn(1);
		awaitNoWatchers();
		long baseline = usedHeapAfterGc();
		// Flip both checks on a thread of its own, so every change races the calls
		// ending.
		this.flipper.scheduleAtFixedRate(this::flip, 0, 1, TimeUnit.MILLISECONDS);
		int opened = churn(BATCHES_PER_WAY);
		this.flipper.shutdownNow();
		assertThat(this.flipper.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		awaitNoWatchers();
		long after = usedHeapAfterGc();
		System.out.printf("Watch churn: %d watchers opened and ended (a third each by cancel, deadline and "
				+ "channel shutdownNow) during %d status flips; heap used after GC %.1f MB before, %.1f MB after "
				+ "(%+.1f MB)%n", opened, this.flips.get(), mb(baseline), mb(after), mb(after - baseline));
		assertThat(this.flips.get()).as("status flips during the churn").isGreaterThan(100);
		assertThat(after - baseline).as("heap growth after GC, in bytes").isLessThan(MAX_HEAP_GROWTH);
		assertTheServiceStillWatches();
	}

	private int churn(int batchesPerWay) throws Exception {
		int opened = 0;
		for (int batch = 0; batch < batchesPerWay; batch++) {
			opened += cancelledByTheClient();
			opened += endedByTheirDeadline();
			opened += cutOffByChannelShutdown();
		}
		return opened;
	}

	// Half cancel their call, half cancel the Context they were started in.
	private int cancelledByTheClient() throws Exception {
		HealthGrpc.HealthStub stub = HealthGrpc.newStub(this.channel);
		List<WatchRecorder> watches = new ArrayList<>();
		List<Context.CancellableContext> contexts = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			String name = NAMES.get(i % NAMES.size());
			if (i % 2 == 0) {
				watches.add(WatchRecorder.watch(stub, name));
			}
			else {
				Context.CancellableContext context = Context.current().withCancellation();
				contexts.add(context);
				watches.add(context.call(() -> WatchRecorder.watch(stub, name)));
			}
		}
		for (WatchRecorder watch : watches) {
			watch.next();
		}
		for (int i = 0; i < BATCH; i++) {
			if (i % 2 == 0) {
				watches.get(i).cancel();
			}
		}
		contexts.forEach((context) -> context.cancel(null));
		for (WatchRecorder watch : watches) {
			assertThat(Status.fromThrowable(watch.awaitEnded()).getCode()).isEqualTo(Status.Code.CANCELLED);
		}
		return BATCH;
	}

	// Deadlines from 1 to 50 ms: some expire before the server starts the call, some
	// after.
	private int endedByTheirDeadline() throws InterruptedException {
		List<WatchRecorder> watches = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			HealthGrpc.HealthStub stub = HealthGrpc.newStub(this.channel)
				.withDeadlineAfter(1 + (i % 50), TimeUnit.MILLISECONDS);
			watches.add(WatchRecorder.watch(stub, NAMES.get(i % NAMES.size())));
		}
		for (WatchRecorder watch : watches) {
			assertThat(Status.fromThrowable(watch.awaitEnded()).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
		}
		return BATCH;
	}

	// Half have their first message when the channel goes, half may still be starting.
	private int cutOffByChannelShutdown() throws InterruptedException {
		ManagedChannel doomed = this.server.newChannel();
		HealthGrpc.HealthStub stub = HealthGrpc.newStub(doomed);
		List<WatchRecorder> watches = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			watches.add(WatchRecorder.watch(stub, NAMES.get(i % NAMES.size())));
		}
		for (int i = 0; i < BATCH / 2; i++) {
			watches.get(i).next();
		}
		doomed.shutdownNow();
		assertThat(doomed.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		for (WatchRecorder watch : watches) {
			assertThat(watch.awaitEnded()).isNotNull();
		}
		return BATCH;
	}

	private void flip() {
		int flip = this.flips.incrementAndGet();
		this.store.record("pricing", (flip % 2 == 0) ? Health.up().build() : Health.down().build());
		if (flip % 3 == 0) {
			this.store.record("db", (flip % 6 == 0) ? Health.up().build() : Health.down().build());
		}
	}

	private void awaitNoWatchers() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.service.watcherCount()).as("open watchers").isZero();
			assertThat(this.service.watchedServiceCount()).as("per-service entries").isZero();
		});
	}

	private void assertTheServiceStillWatches() throws InterruptedException {
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.up().build());
		try (WatchRecorder watch = WatchRecorder.watch(HealthGrpc.newStub(this.channel), "demo.Inventory")) {
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
			this.store.record("pricing", Health.down().build());
			assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
			assertThat(this.service.watcherCount()).isEqualTo(1);
		}
	}

	private static long usedHeapAfterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	private static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
