package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that hundreds of checks share a small pool and each still runs on its interval,
 * and that a pool too small for its checks is reported, not silently late.
 */
@ExtendWith(OutputCaptureExtension.class)
class ManyChecksTests {

	private static final int CHECKS = 300;

	@Test
	void hundredsOfQuickChecksEachKeepTheirInterval() {
		AtomicIntegerArray runs = new AtomicIntegerArray(CHECKS);
		StatusStore store = new StatusStore();
		try (CheckRunner runner = new CheckRunner(store, 4)) {
			runner.start(checks(runs, 1), (name) -> new CheckSchedule(Duration.ofMillis(250), Duration.ofSeconds(1)));
			long start = System.nanoTime();
			await().atMost(Duration.ofSeconds(20)).until(() -> System.nanoTime() - start > TimeUnit.SECONDS.toNanos(3));
			double seconds = (System.nanoTime() - start) / 1e9;
			int expected = (int) (seconds / 0.25);
			int fewest = Integer.MAX_VALUE;
			for (int i = 0; i < CHECKS; i++) {
				fewest = Math.min(fewest, runs.get(i));
			}
			EngineLoad load = runner.load();
			System.out.printf(
					"%d checks every 250ms on 4 threads for %.1fs: expected about %d runs each, "
							+ "fewest %d; %d evaluations, %d late starts, %d queued%n",
					CHECKS, seconds, expected, fewest, load.evaluations(), load.lateStarts(), load.queued());
			// Every check ran as often as its interval asks, less the run that may fall
			// at the edge of the measurement, and none had to wait a whole interval for a
			// thread.
			assertThat(fewest).isGreaterThanOrEqualTo(expected - 1);
			assertThat(load.lateStarts()).isZero();
			assertThat(load.queued()).isLessThanOrEqualTo(CHECKS);
		}
	}

	@Test
	void aPoolTooSmallForItsChecksIsReported(CapturedOutput output) {
		AtomicIntegerArray runs = new AtomicIntegerArray(CHECKS);
		StatusStore store = new StatusStore();
		try (CheckRunner runner = new CheckRunner(store, 2)) {
			// 300 checks of 20ms every 100ms need 60 threads' worth of time; there are 2.
			runner.start(checks(runs, 20), (name) -> new CheckSchedule(Duration.ofMillis(100), Duration.ofSeconds(30)));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(runner.load().lateStarts()).isPositive());
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(output.getAll()).contains("grpc.health.scheduler.pool-size"));
			EngineLoad load = runner.load();
			System.out.printf("overloaded: %d evaluations, %d late starts, %d skipped ticks, %d queued%n",
					load.evaluations(), load.lateStarts(), load.skippedTicks(), load.queued());
			// Each check has at most one evaluation queued: the backlog cannot grow past
			// the checks.
			assertThat(load.queued()).isLessThanOrEqualTo(CHECKS);
			assertThat(
					output.getAll().lines().filter((line) -> line.contains("not keeping to their intervals")).count())
				.isOne();
		}
	}

	private static List<CheckDefinition> checks(AtomicIntegerArray runs, long workMillis) {
		List<CheckDefinition> checks = new ArrayList<>();
		for (int i = 0; i < CHECKS; i++) {
			int index = i;
			checks.add(new CheckDefinition.Polled("check-" + i, () -> {
				runs.incrementAndGet(index);
				Thread.sleep(workMillis);
				return CompletableFuture.completedFuture(Health.up().build());
			}));
		}
		return checks;
	}

}
