package io.github.healthgrpc.grpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that Watch calls starting and ending at the same moment on the same service, on
 * real threads, are all counted exactly and all keep hearing changes, also while calls
 * give way to others' because the budget is full.
 */
class WatchersConcurrencyTests {

	private static final int SERVICES = 3_000;

	private static final Object CONNECTION = "one client connection";

	private final StatusStore store = new StatusStore();

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@BeforeEach
	void defineServices() {
		Map<String, Set<String>> services = new LinkedHashMap<>();
		services.put("", Set.of("db"));
		for (int i = 0; i < SERVICES; i++) {
			services.put("race.Service" + i, Set.of("db"));
		}
		this.store.defineServices(services);
		this.store.record("db", Health.up().build());
		this.store.setAcceptingTraffic(true);
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void callsStartingAndEndingAtOnceAreCountedExactly() throws Exception {
		Watchers watchers = new Watchers(this.store, new WatchLimits(100, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES));
		Runnable churn = () -> {
			for (int i = 0; i < 200_000; i++) {
				FakeWatchObserver call = new FakeWatchObserver(true);
				watchers.watch("race.Service0", CONNECTION, call);
				call.cancel();
			}
		};
		runTogetherThenOpenTheWholeBudget(watchers, 100, churn, churn);
	}

	@Test
	void callsGivingWayWhileTheirClientsCancelThemAreUncountedOnce() throws Exception {
		int budget = 20;
		Watchers watchers = new Watchers(this.store, new WatchLimits(budget, WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES));
		// One connection fills the budget over and over; light ones keep taking its
		// oldest call, and the heavy client cancels every call as soon as it has ended,
		// as a client may while the server's end of the call is still on its way.
		Runnable heavy = () -> {
			List<FakeWatchObserver> open = new ArrayList<>();
			for (int i = 0; i < 100_000; i++) {
				FakeWatchObserver call = new FakeWatchObserver(true);
				watchers.watch("race.Service0", "heavy", call);
				open.add(call);
				open.removeIf((ended) -> {
					if (ended.error() == null) {
						return false;
					}
					ended.cancel();
					return true;
				});
			}
			open.forEach(FakeWatchObserver::cancel);
		};
		Runnable light = () -> {
			for (int i = 0; i < 100_000; i++) {
				FakeWatchObserver call = new FakeWatchObserver(true);
				watchers.watch("race.Service0", "light" + (i % 5), call);
				call.cancel();
			}
		};
		runTogetherThenOpenTheWholeBudget(watchers, budget, heavy, light);
		// Nor counted twice: not one more opens.
		FakeWatchObserver beyond = new FakeWatchObserver(true);
		watchers.watch("race.Service0", CONNECTION, beyond);
		assertThat(beyond.error()).hasMessageContaining("grpc.health.watch.max-watchers");
	}

	@Test
	void aCallStartingWhileTheLastOneOfItsServiceEndsStillHearsChanges() throws Exception {
		Watchers watchers = new Watchers(this.store, WatchLimits.DEFAULTS);
		this.store.addListener(watchers);
		CyclicBarrier together = new CyclicBarrier(2);
		List<FakeWatchObserver> kept = new ArrayList<>();
		CompletableFuture<Void> keeping = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < SERVICES; i++) {
				await(together);
				FakeWatchObserver call = new FakeWatchObserver(true);
				watchers.watch("race.Service" + i, null, call);
				kept.add(call);
			}
		}, this.threads);
		CompletableFuture<Void> ending = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < SERVICES; i++) {
				await(together);
				FakeWatchObserver call = new FakeWatchObserver(true);
				watchers.watch("race.Service" + i, null, call);
				call.cancel();
			}
		}, this.threads);
		CompletableFuture.allOf(keeping, ending).get(60, TimeUnit.SECONDS);
		assertThat(watchers.count()).isEqualTo(SERVICES);
		this.store.record("db", Health.down().build());
		assertThat(this.store.awaitListeners(Duration.ofSeconds(10))).isEmpty();
		assertThat(kept).allSatisfy((call) -> assertThat(call.sent()).last().isEqualTo(ServingStatus.NOT_SERVING));
	}

	// Nothing may stay counted after both have run: no call is left, and one connection
	// may open the whole budget again.
	private void runTogetherThenOpenTheWholeBudget(Watchers watchers, int budget, Runnable first, Runnable second)
			throws Exception {
		CompletableFuture
			.allOf(CompletableFuture.runAsync(first, this.threads), CompletableFuture.runAsync(second, this.threads))
			.get(60, TimeUnit.SECONDS);
		assertThat(watchers.count()).isZero();
		assertThat(watchers.serviceCount()).isZero();
		for (int i = 0; i < budget; i++) {
			FakeWatchObserver call = new FakeWatchObserver(true);
			watchers.watch("race.Service0", CONNECTION, call);
			assertThat(call.error()).as("watch %d on the connection", i).isNull();
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
