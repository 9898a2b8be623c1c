package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.github.healthgrpc.store.StatusStore;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves, with real threads, that more checks stuck in code that ignores interrupts than
 * there are worker threads stop no other check: each stuck thread is written off and
 * replaced, a stuck check is never started twice, it is reported once, and the number of
 * threads stays within the pool size plus the stuck checks.
 */
@ExtendWith(OutputCaptureExtension.class)
class HungChecksTests {

	private static final int POOL = 4;

	private static final int HUNG = 8;

	private static final int CHURN_POOL = 2;

	private static final int CYCLES = 20;

	private static final CheckSchedule HANGING = new CheckSchedule(Duration.ofMillis(100), Duration.ofMillis(200));

	private static final CheckSchedule QUICK = new CheckSchedule(Duration.ofMillis(100), Duration.ofSeconds(1));

	private final Set<Thread> threadsBefore = engineThreads();

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, POOL);

	private final StatusStore churnStore = new StatusStore();

	private final CheckRunner churnRunner = new CheckRunner(this.churnStore, CHURN_POOL);

	private final UninterruptibleHang hang = new UninterruptibleHang();

	private final AtomicIntegerArray hungStarts = new AtomicIntegerArray(HUNG);

	private final AtomicInteger quickRuns = new AtomicInteger();

	@AfterEach
	void stop() {
		this.hang.release();
		this.runner.close();
		this.churnRunner.close();
	}

	@Test
	void eightChecksStuckOnFourWorkersLeaveAQuickCheckItsIntervalAndItsStatus(CapturedOutput output) {
		start();
		// Until the last of them has timed out, the stuck checks hold every thread.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.runner.load().stuck() == HUNG);
		await().atMost(Duration.ofSeconds(5)).until(() -> statusOf("quick") == Status.UP);
		int runsBefore = this.quickRuns.get();
		long startNanos = System.nanoTime();
		List<Status> quickStatuses = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
			quickStatuses.add(statusOf("quick"));
			return System.nanoTime() - startNanos > TimeUnit.SECONDS.toNanos(2);
		});
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		int quickRunsDuring = this.quickRuns.get() - runsBefore;
		int threads = newEngineThreads();
		EngineLoad load = this.runner.load();
		System.out.printf(
				"%d uninterruptible hangs on %d workers: quick (interval 100ms) ran %d times in %.1fs, "
						+ "UP at all %d samples; %d stuck, %d threads written off, %d engine threads%n",
				HUNG, POOL, quickRunsDuring, seconds, quickStatuses.size(), load.stuck(), load.threadsWrittenOff(),
				threads);
		assertThat(quickStatuses).containsOnly(Status.UP);
		assertThat(quickRunsDuring).isGreaterThanOrEqualTo((int) (seconds / 0.1 * 0.9));
		for (int i = 0; i < HUNG; i++) {
			assertThat(this.hungStarts.get(i)).as("starts of hang-" + i).isOne();
			assertThat(statusOf("hang-" + i)).isEqualTo(Status.DOWN);
			assertThat(this.store.checkResult("hang-" + i).getDetails().get("error"))
				.hasToString("The check did not answer within its timeout of 200ms");
		}
		assertThat(load.stuck()).isEqualTo(HUNG);
		assertThat(load.threadsWrittenOff()).isEqualTo(HUNG);
		assertThat(threads).isLessThanOrEqualTo(POOL + HUNG);
		// Reported once each, with where the thread is stuck, though every tick finds it
		// stuck.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stuckWarnings(output)).hasSize(HUNG));
		assertThat(stuckWarnings(output)).allSatisfy((line) -> assertThat(line).contains("WARN")
			.contains("did not answer within its timeout of 200ms")
			.contains("ignored the interrupt and is written off"));
		assertThat(output.getAll()).contains(". Stuck at:").contains(UninterruptibleHang.class.getName() + ".hang(");
	}

	@Test
	void aStuckCheckRemovedAndAddedAgainTwentyTimesHoldsOneThreadAndIsDownUntilItsEvaluationReturns() {
		// A data source re-created against a dead host: the same check, removed and added
		// again while its evaluation hangs in code that ignores interrupts.
		AtomicInteger starts = new AtomicInteger();
		CheckDefinition dataSource = new CheckDefinition.Polled("dataSource", () -> {
			starts.incrementAndGet();
			return CompletableFuture.completedFuture(this.hang.hang());
		});
		CheckDefinition quick = new CheckDefinition.Polled("quick", () -> {
			this.quickRuns.incrementAndGet();
			return CompletableFuture.completedFuture(Health.up().build());
		});
		this.churnRunner.start(List.of(dataSource, quick), (name) -> name.equals("quick") ? QUICK : HANGING);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.churnRunner.load().stuck() == 1);
		int maxThreads = 0;
		for (int i = 0; i < CYCLES; i++) {
			this.churnRunner.remove("dataSource");
			this.churnRunner.add(dataSource, HANGING);
			int cycle = i;
			// Before: it started again and hung on one more thread. Now: it waits for its
			// evaluation that has not returned, and is DOWN saying so.
			await().atMost(Duration.ofSeconds(5))
				.until(() -> starts.get() > cycle + 1 || stillStuck(this.churnStore, "dataSource"));
			maxThreads = Math.max(maxThreads, newEngineThreads());
		}
		EngineLoad load = this.churnRunner.load();
		System.out.printf("%d removals and additions of a check stuck in code that ignores interrupts, pool of %d "
				+ "and 2 polled checks: %d start(s), at most %d engine threads, %d stuck, %d thread(s) written off%n",
				CYCLES, CHURN_POOL, starts.get(), maxThreads, load.stuck(), load.threadsWrittenOff());
		assertThat(starts.get()).as("starts of the stuck check").isOne();
		assertThat(maxThreads).as("engine threads").isLessThanOrEqualTo(CHURN_POOL + 2);
		assertThat(load.threadsWrittenOff()).isOne();
		assertThat(load.stuck()).isOne();
		assertThat(this.churnStore.checkResult("quick").getStatus()).isEqualTo(Status.UP);
		this.hang.release();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.churnStore.checkResult("dataSource").getStatus()).isEqualTo(Status.UP);
			assertThat(starts.get()).isGreaterThan(1);
			assertThat(this.churnRunner.load().stuck()).isZero();
			assertThat(newEngineThreads()).isLessThanOrEqualTo(CHURN_POOL);
		});
	}

	@Test
	void whenStuckChecksReturnThePoolShrinksBackAndTheyRunAgain() {
		start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.runner.load().stuck() == HUNG);
		this.hang.release();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.runner.load().stuck()).isZero();
			for (int i = 0; i < HUNG; i++) {
				assertThat(this.hungStarts.get(i)).isGreaterThan(1);
				assertThat(statusOf("hang-" + i)).isEqualTo(Status.UP);
			}
			assertThat(newEngineThreads()).isLessThanOrEqualTo(POOL);
		});
	}

	@Test
	void aCheckStuckOnEveryCallIsReportedOnce(CapturedOutput output) {
		AtomicInteger starts = new AtomicInteger();
		this.runner.start(List.of(new CheckDefinition.Polled("slow", () -> {
			starts.incrementAndGet();
			// Three timeouts, whatever interrupts the thread, then it returns.
			long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
			while (System.nanoTime() < until) {
				LockSupport.parkNanos(until - System.nanoTime());
			}
			return CompletableFuture.completedFuture(Health.up().build());
		})), (name) -> HANGING);
		await().atMost(Duration.ofSeconds(20)).until(() -> starts.get() >= 5);
		assertThat(this.runner.load().threadsWrittenOff()).isGreaterThanOrEqualTo(4);
		assertThat(stuckWarnings(output)).singleElement(InstanceOfAssertFactories.STRING).contains("'slow' is stuck");
	}

	@Test
	void aCheckThatTimesOutButHonoursTheInterruptIsNotReportedStuck(CapturedOutput output) {
		AtomicInteger starts = new AtomicInteger();
		this.runner.start(List.of(new CheckDefinition.Polled("sleepy", () -> {
			starts.incrementAndGet();
			Thread.sleep(60_000);
			return CompletableFuture.completedFuture(Health.up().build());
		})), (name) -> HANGING);
		await().atMost(Duration.ofSeconds(10)).until(() -> starts.get() >= 5);
		assertThat(this.runner.load().stuck()).isLessThanOrEqualTo(1);
		assertThat(output.getAll()).doesNotContain("'sleepy' is stuck");
	}

	private void start() {
		List<CheckDefinition> checks = new ArrayList<>();
		for (int i = 0; i < HUNG; i++) {
			int index = i;
			checks.add(new CheckDefinition.Polled("hang-" + i, () -> {
				this.hungStarts.incrementAndGet(index);
				return CompletableFuture.completedFuture(this.hang.hang());
			}));
		}
		checks.add(new CheckDefinition.Polled("quick", () -> {
			this.quickRuns.incrementAndGet();
			return CompletableFuture.completedFuture(Health.up().build());
		}));
		this.runner.start(checks, (name) -> name.equals("quick") ? QUICK : HANGING);
	}

	private Status statusOf(String check) {
		Health health = this.store.checkResult(check);
		return (health != null) ? health.getStatus() : null;
	}

	private static boolean stillStuck(StatusStore store, String check) {
		Health health = store.checkResult(check);
		return health != null && String.valueOf(health.getDetails().get("error")).contains("still stuck");
	}

	private static List<String> stuckWarnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("is stuck:")).toList();
	}

	// Threads of this test's runner: the engine's threads, less those of earlier runners.
	private int newEngineThreads() {
		Set<Thread> threads = engineThreads();
		threads.removeAll(this.threadsBefore);
		return threads.size();
	}

	private static Set<Thread> engineThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("health-grpc-check-"))
			.collect(Collectors.toSet());
	}

}
