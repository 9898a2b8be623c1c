package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CheckRunnerTests {

	private static final CheckSchedule FAST = new CheckSchedule(Duration.ofMillis(50), Duration.ofMillis(200));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 2);

	private final UninterruptibleHang hang = new UninterruptibleHang();

	@AfterEach
	void stop() {
		this.hang.release();
		this.runner.close();
	}

	@Test
	void recordsTheResultOfAPolledCheck() {
		start(polled("db", () -> Health.up().withDetail("version", 2).build()));
		await().untilAsserted(
				() -> assertThat(this.store.checkResult("db")).isEqualTo(Health.up().withDetail("version", 2).build()));
	}

	@Test
	void aCheckThatThrowsIsDownWithTheReason() {
		start(polled("db", () -> {
			throw new IllegalStateException("connection refused");
		}));
		await().untilAsserted(() -> {
			Health health = this.store.checkResult("db");
			assertThat(health).isNotNull();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error",
					"java.lang.IllegalStateException: connection refused");
		});
	}

	@Test
	void aCheckThatReturnsNullIsDown() {
		start(new CheckDefinition.Polled("db", () -> null));
		await().untilAsserted(() -> assertThat(statusOf("db")).isEqualTo(Status.DOWN));
		assertThat(this.store.checkResult("db").getDetails().get("error").toString()).contains("null");
	}

	@Test
	void aHangingCheckTimesOutAndDelaysNoOtherCheck() {
		AtomicInteger fastRuns = new AtomicInteger();
		start(polled("hangs", this.hang::hang), polled("fast", () -> {
			fastRuns.incrementAndGet();
			return Health.up().build();
		}));
		await().untilAsserted(() -> assertThat(statusOf("hangs")).isEqualTo(Status.DOWN));
		assertThat(this.store.checkResult("hangs").getDetails().get("error").toString()).contains("timeout");
		int runsWhenTimedOut = fastRuns.get();
		await().untilAsserted(() -> assertThat(fastRuns.get()).isGreaterThan(runsWhenTimedOut + 5));
		assertThat(statusOf("fast")).isEqualTo(Status.UP);
	}

	@Test
	void aCheckStillRunningIsNeverStartedAgain() {
		AtomicInteger starts = new AtomicInteger();
		start(polled("hangs", () -> {
			starts.incrementAndGet();
			return this.hang.hang();
		}));
		await().untilAsserted(() -> assertThat(statusOf("hangs")).isEqualTo(Status.DOWN));
		// Several intervals pass (the timeout is four of them) while the first run hangs:
		// counted on the same engine's timer by a check on the same schedule.
		Ticks.on(this.runner, FAST).awaitMore(6);
		assertThat(starts.get()).isEqualTo(1);
		this.hang.release();
		await().untilAsserted(() -> assertThat(starts.get()).isGreaterThan(1));
	}

	@Test
	void theTimeoutInterruptsABlockedCheckSoItCanRunAgain() {
		AtomicInteger starts = new AtomicInteger();
		start(polled("sleepy", () -> {
			starts.incrementAndGet();
			Thread.sleep(60_000);
			return Health.up().build();
		}));
		await().untilAsserted(() -> assertThat(starts.get()).isGreaterThanOrEqualTo(3));
		assertThat(statusOf("sleepy")).isEqualTo(Status.DOWN);
	}

	@Test
	void aCheckQueuedBehindASlowOneIsNotTimedOutForTheWait() {
		// One worker: the quick check waits up to 300ms behind the slow one each time.
		// Its 100ms timeout counts from when it starts, so it stays UP; its 1s interval
		// is the deadline for starting.
		List<Status> quickResults = new CopyOnWriteArrayList<>();
		try (CheckRunner singleWorker = new CheckRunner(this.store, 1)) {
			singleWorker.start(List.of(polled("slow", () -> {
				Thread.sleep(300);
				return Health.up().build();
			}), polled("quick", () -> Health.up().build())),
					(name) -> name.equals("slow") ? new CheckSchedule(Duration.ofMillis(50), Duration.ofSeconds(5))
							: new CheckSchedule(Duration.ofSeconds(1), Duration.ofMillis(100)));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Health quick = this.store.checkResult("quick");
				assertThat(quick).isNotNull();
				quickResults.add(quick.getStatus());
				assertThat(singleWorker.load().evaluations()).isGreaterThan(12);
			});
			assertThat(quickResults).containsOnly(Status.UP);
		}
	}

	@Test
	void aCheckThatCannotStartBecauseEveryWorkerIsStuckIsDownWithTheReason() {
		// The hang's timeout is far beyond the starved check's start deadline: its worker
		// is written off and replaced only at that timeout, after which the starved check
		// runs again.
		try (CheckRunner singleWorker = new CheckRunner(this.store, 1)) {
			singleWorker.start(List.of(polled("hangs", this.hang::hang), polled("starved", () -> Health.up().build())),
					(name) -> name.equals("hangs") ? new CheckSchedule(Duration.ofMillis(50), Duration.ofSeconds(5))
							: new CheckSchedule(Duration.ofMillis(200), Duration.ofSeconds(1)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(statusOf("starved")).isEqualTo(Status.DOWN));
			assertThat(this.store.checkResult("starved").getDetails().get("error").toString())
				.contains("could not start within its interval of 200ms")
				.contains("grpc.health.scheduler.pool-size");
		}
	}

	@Test
	void anAsynchronousCheckThatNeverCompletesTimesOut() {
		start(new CheckDefinition.Polled("async", CompletableFuture::new));
		await().untilAsserted(() -> assertThat(statusOf("async")).isEqualTo(Status.DOWN));
	}

	@Test
	void anAsynchronousAnswerThatComesTooLateIsCancelled() {
		// Cancelling the future disposes a reactive check's subscription
		// (Mono.toFuture()).
		List<CompletableFuture<Health>> answers = new CopyOnWriteArrayList<>();
		start(new CheckDefinition.Polled("async", () -> {
			CompletableFuture<Health> answer = new CompletableFuture<>();
			answers.add(answer);
			return answer;
		}));
		await().untilAsserted(() -> assertThat(statusOf("async")).isEqualTo(Status.DOWN));
		await().untilAsserted(
				() -> assertThat(answers).isNotEmpty().first().satisfies((answer) -> assertThat(answer).isCancelled()));
	}

	@Test
	void anAsynchronousCheckIsRecordedWhenItCompletes() {
		start(new CheckDefinition.Polled("async",
				() -> CompletableFuture.supplyAsync(() -> Health.outOfService().build())));
		await().untilAsserted(() -> assertThat(statusOf("async")).isEqualTo(Status.OUT_OF_SERVICE));
	}

	@Test
	void aPushedCheckIsRecordedTheMomentItIsSet() {
		Consumer<Health>[] sink = new Consumer[1];
		start(new CheckDefinition.Pushed("cache", (subscriber) -> sink[0] = subscriber));
		assertThat(this.store.checkResult("cache")).isNull();
		sink[0].accept(Health.up().build());
		assertThat(statusOf("cache")).isEqualTo(Status.UP);
		sink[0].accept(Health.down().build());
		assertThat(statusOf("cache")).isEqualTo(Status.DOWN);
	}

	@Test
	void aServiceTurnsServingAsSoonAsItsChecksAreUp() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		start(polled("db", () -> Health.up().build()));
		await().untilAsserted(() -> assertThat(this.store.status("")).hasToString("SERVING"));
	}

	@Test
	void changesAreFannedOutOnTheStoresListenerThreadsNeverOnAnEngineThread() {
		// The timer thread only starts evaluations and fires timeouts, the workers
		// evaluate: fanning a change out to thousands of watchers on either would delay
		// other checks.
		Set<String> recordingThreads = ConcurrentHashMap.newKeySet();
		AtomicInteger changes = new AtomicInteger();
		this.store.defineServices(Map.of("", Set.of("flips")));
		this.store.setAcceptingTraffic(true);
		this.store.addListener((service, status) -> {
			recordingThreads.add(Thread.currentThread().getName().replaceAll("\\d+$", "N"));
			changes.incrementAndGet();
		});
		AtomicInteger runs = new AtomicInteger();
		this.runner.start(
				List.of(polled("flips",
						() -> (runs.incrementAndGet() % 2 == 0) ? Health.up().build() : Health.down().build())),
				(name) -> new CheckSchedule(Duration.ofMillis(5), Duration.ofSeconds(1)));
		await().untilAsserted(() -> assertThat(changes.get()).isGreaterThan(100));
		assertThat(recordingThreads).containsOnly("health-grpc-listener-N");
	}

	@Test
	void pausingStopsPollingUntilResumed() {
		AtomicInteger runs = new AtomicInteger();
		start(polled("db", () -> {
			runs.incrementAndGet();
			return Health.up().build();
		}));
		await().untilAsserted(() -> assertThat(runs.get()).isGreaterThan(1));
		this.runner.pause();
		int runsWhenPaused = runs.get();
		// A paused engine has no timer to count: four intervals of the same schedule pass
		// on an engine of its own.
		try (Ticks ticks = Ticks.ownEngine(FAST)) {
			ticks.awaitMore(4);
		}
		assertThat(runs.get()).isLessThanOrEqualTo(runsWhenPaused + 1);
		this.runner.resume();
		await().untilAsserted(() -> assertThat(runs.get()).isGreaterThan(runsWhenPaused + 3));
	}

	@Test
	void anEvaluationInterruptedByCloseIsNotRecorded() throws InterruptedException {
		AtomicInteger starts = new AtomicInteger();
		AtomicReference<Thread> worker = new AtomicReference<>();
		start(polled("sleepy", () -> {
			starts.incrementAndGet();
			worker.set(Thread.currentThread());
			Thread.sleep(60_000);
			return Health.up().build();
		}));
		await().untilAsserted(() -> assertThat(starts.get()).isOne());
		this.runner.close();
		// The interrupted sleep throws, which would otherwise be recorded as DOWN by the
		// worker that ran it: once that worker has ended (close shut its pool down),
		// nothing of the evaluation is left to be recorded.
		worker.get().join(10_000);
		assertThat(worker.get().isAlive()).isFalse();
		assertThat(this.store.checkResult("sleepy")).isNull();
	}

	@Test
	void closingStopsEveryCheck() {
		AtomicInteger runs = new AtomicInteger();
		start(polled("db", () -> {
			runs.incrementAndGet();
			return Health.up().build();
		}));
		await().untilAsserted(() -> assertThat(runs.get()).isGreaterThan(1));
		this.runner.close();
		int runsWhenClosed = runs.get();
		// A closed engine has no timer to count: four intervals of the same schedule pass
		// on an engine of its own.
		try (Ticks ticks = Ticks.ownEngine(FAST)) {
			ticks.awaitMore(4);
		}
		assertThat(runs.get()).isLessThanOrEqualTo(runsWhenClosed + 1);
	}

	private void start(CheckDefinition... checks) {
		this.runner.start(List.of(checks), (name) -> FAST);
	}

	private Status statusOf(String check) {
		Health health = this.store.checkResult(check);
		return (health != null) ? health.getStatus() : null;
	}

	static CheckDefinition polled(String name, ThrowingSupplier supplier) {
		return new CheckDefinition.Polled(name, () -> CompletableFuture.completedFuture(supplier.get()));
	}

	@FunctionalInterface
	interface ThrowingSupplier {

		Health get() throws Exception;

	}

}
