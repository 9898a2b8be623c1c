package io.github.healthgrpc.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Proves that listeners never run on the writer's thread and cannot hurt the store or
 * each other: one that sleeps, blocks, throws an {@link Error} or writes back to the
 * store neither slows a writer, nor delays the other listeners, nor deadlocks, nor ends
 * on an older status than the store has.
 */
@ExtendWith(OutputCaptureExtension.class)
class StatusListenerIsolationTests {

	private static final Duration SLOW_LISTENER_SLEEP = Duration.ofMillis(500);

	private final StatusStore store = new StatusStore();

	private final ExecutorService threads = Executors.newFixedThreadPool(3);

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.threads.shutdownNow();
	}

	@Test
	void aListenerThatSleepsOnEveryChangeDelaysNeitherWritersNorOtherListeners() throws InterruptedException {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		AtomicInteger slowCalls = new AtomicInteger();
		Recorder slow = new Recorder(() -> {
			slowCalls.incrementAndGet();
			Thread.sleep(SLOW_LISTENER_SLEEP.toMillis());
		});
		Recorder quick = new Recorder(() -> {
		});
		this.store.addListener(slow);
		this.store.addListener(quick);
		List<Long> lagsMillis = new ArrayList<>();
		long slowestRecordNanos = 0;
		long start = System.nanoTime();
		for (int round = 0; round < 20; round++) {
			long before = System.nanoTime();
			this.store.record("db", (round % 2 == 0) ? Health.up().build() : Health.down().build());
			long recorded = System.nanoTime();
			slowestRecordNanos = Math.max(slowestRecordNanos, recorded - before);
			ServingState now = this.store.status("");
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(1))
				.until(() -> quick.last("") == now);
			lagsMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recorded));
		}
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		ServingState last = this.store.status("");
		await().atMost(Duration.ofSeconds(10)).until(() -> slow.last("") == last);
		Collections.sort(lagsMillis);
		System.out.printf("Slow listener (%d ms per change): 20 changes in %d ms; slowest record() %.2f ms; the quick "
				+ "listener heard each change after %d ms (median), %d ms (slowest); the slow one was called %d times%n",
				SLOW_LISTENER_SLEEP.toMillis(), elapsedMillis, slowestRecordNanos / 1e6, lagsMillis.get(10),
				lagsMillis.get(19), slowCalls.get());
		assertThat(Duration.ofNanos(slowestRecordNanos)).as("slowest record()").isLessThan(SLOW_LISTENER_SLEEP);
		assertThat(lagsMillis.get(10)).as("median time for the quick listener to hear a change, in ms")
			.isLessThan(SLOW_LISTENER_SLEEP.toMillis() / 2);
		// It hears the latest status after each sleep, not a backlog of every change.
		assertThat(slowCalls.get()).isLessThanOrEqualTo(2 + (int) (elapsedMillis / SLOW_LISTENER_SLEEP.toMillis()));
		assertThat(slow.alternates("")).isTrue();
	}

	@Test
	void aListenerThatBlocksHoldsUpOnlyItselfAndTheCloseWaitsForItOnlyAsLongAsAsked() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		Recorder blocked = new Recorder(this.release::await);
		Recorder other = new Recorder(() -> {
		});
		this.store.addListener(blocked);
		this.store.addListener(other);
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			this.store.record("db", Health.up().build());
			this.store.record("db", Health.down().build());
			this.store.record("db", Health.up().build());
			this.store.close();
			assertThat(this.store.awaitListeners(Duration.ofMillis(200))).containsExactly(blocked);
		});
		assertThat(other.last("")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(other.closed).isTrue();
		this.release.countDown();
		assertThat(this.store.awaitListeners(Duration.ofSeconds(10))).isEmpty();
		assertThat(blocked.last("")).isEqualTo(ServingState.NOT_SERVING);
		assertThat(blocked.closed).isTrue();
	}

	@Test
	void aListenerThatThrowsAnErrorKeepsHearingChangesDoesNotSilenceOthersAndIsLoggedOnce(CapturedOutput output) {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		AtomicInteger thrown = new AtomicInteger();
		this.store.addListener((service, status) -> {
			thrown.incrementAndGet();
			throw new Error("listener bug");
		});
		Recorder other = new Recorder(() -> {
		});
		this.store.addListener(other);
		for (int i = 0; i < 3; i++) {
			this.store.record("db", (i % 2 == 0) ? Health.up().build() : Health.down().build());
			assertThat(this.store.awaitListeners(Duration.ofSeconds(10))).isEmpty();
		}
		assertThat(thrown.get()).isEqualTo(3);
		assertThat(other.heard("")).containsExactly(ServingState.SERVING, ServingState.NOT_SERVING,
				ServingState.SERVING);
		assertThat(output.getOut().split("keeps hearing changes", -1)).as("WARN lines about the failing listener")
			.hasSize(2);
		assertThat(output.getOut()).contains("java.lang.Error: listener bug");
	}

	@Test
	void aListenerThatSetsAManualCheckFromItsCallbackNeitherDeadlocksNorEndsWrong() throws Exception {
		// "mirror" follows "source" through a manual check that a listener sets: a write
		// back to the store from a callback, while other threads write the same check.
		this.store.defineServices(Map.of("", Set.of(), "demo.Source", Set.of("source"), "demo.Mirror", Set.of("m")));
		this.store.setAcceptingTraffic(true);
		ManualHealthCheck manual = new ManualHealthCheck("m");
		manual.subscribe((health) -> this.store.record("m", health));
		this.store.addListener((service, status) -> {
			if (service.equals("demo.Source")) {
				manual.setStatus((status == ServingState.SERVING) ? Status.UP : Status.DOWN);
			}
		});
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger flips = new AtomicInteger();
		List<Future<?>> writers = List.of(this.threads.submit(() -> {
			while (running.get()) {
				this.store.record("source",
						(flips.incrementAndGet() % 2 == 0) ? Health.up().build() : Health.down().build());
			}
		}), this.threads.submit(() -> {
			for (int i = 0; running.get(); i++) {
				manual.set((i % 2 == 0) ? Health.up().build() : Health.down().build());
			}
		}));
		await().atMost(Duration.ofSeconds(30)).until(() -> flips.get() > 20_000);
		running.set(false);
		for (Future<?> writer : writers) {
			writer.get(10, TimeUnit.SECONDS);
		}
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			// Once the listener has heard everything, the writer of the manual check may
			// have had the last word: only a change of the source is sure to be heard,
			// so the source changes twice from where it ended.
			assertThat(this.store.awaitListeners(Duration.ofSeconds(5))).isEmpty();
			boolean sourceUp = this.store.status("demo.Source") == ServingState.SERVING;
			for (boolean up : new boolean[] { !sourceUp, sourceUp }) {
				this.store.record("source", up ? Health.up().build() : Health.down().build());
				ServingState expected = up ? ServingState.SERVING : ServingState.NOT_SERVING;
				await().untilAsserted(() -> assertThat(this.store.status("demo.Mirror")).isEqualTo(expected));
			}
		});
	}

	@Test
	void aListenerThatFallsBehindNeverEndsOnAnOlderStatusThanTheStoreHas() throws Exception {
		Map<String, Set<String>> services = new LinkedHashMap<>();
		services.put("", Set.of());
		for (int i = 0; i < 10; i++) {
			services.put("demo.S" + i, Set.of("c" + i));
		}
		this.store.defineServices(services);
		this.store.setAcceptingTraffic(true);
		AtomicInteger calls = new AtomicInteger();
		Recorder behind = new Recorder(() -> {
			if (calls.incrementAndGet() % 50 == 0) {
				Thread.sleep(1);
			}
		});
		this.store.addListener(behind);
		List<Future<?>> writers = new ArrayList<>();
		for (int w = 0; w < 3; w++) {
			int writer = w;
			writers.add(this.threads.submit(() -> {
				for (int i = 0; i < 30_000; i++) {
					String check = "c" + ((i + writer) % 10);
					this.store.record(check, (i % 3 == writer) ? Health.up().build() : Health.down().build());
				}
			}));
		}
		for (Future<?> writer : writers) {
			writer.get(60, TimeUnit.SECONDS);
		}
		assertThat(this.store.awaitListeners(Duration.ofSeconds(10))).isEmpty();
		System.out.printf("A listener that falls behind: 90,000 results from 3 threads on 10 services, %d calls%n",
				calls.get());
		for (int i = 0; i < 10; i++) {
			String service = "demo.S" + i;
			assertThat(behind.last(service)).as(service).isEqualTo(this.store.status(service));
			assertThat(behind.alternates(service)).as("%s heard no status twice in a row", service).isTrue();
		}
	}

	/**
	 * Records what it hears, per service, after running the given fault.
	 */
	private static final class Recorder implements StatusListener {

		private final Fault fault;

		private final Map<String, List<ServingState>> heard = new ConcurrentHashMap<>();

		private volatile boolean closed;

		Recorder(Fault fault) {
			this.fault = fault;
		}

		@Override
		public void servingStatusChanged(String service, ServingState status) {
			try {
				this.fault.run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.heard.computeIfAbsent(service, (key) -> new CopyOnWriteArrayList<>()).add(status);
		}

		@Override
		public void storeClosed() {
			this.closed = true;
		}

		List<ServingState> heard(String service) {
			return this.heard.getOrDefault(service, List.of());
		}

		ServingState last(String service) {
			List<ServingState> statuses = heard(service);
			return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
		}

		boolean alternates(String service) {
			List<ServingState> statuses = heard(service);
			for (int i = 1; i < statuses.size(); i++) {
				if (statuses.get(i) == statuses.get(i - 1)) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String toString() {
			return "Recorder";
		}

	}

	@FunctionalInterface
	private interface Fault {

		void run() throws InterruptedException;

	}

}
