package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.healthgrpc.store.StatusStore;
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
 * Proves that an asynchronous answer that misses its timeout is cancelled, that a check
 * never has more than one answer outstanding, even when its answer cannot be cancelled,
 * and that results are recorded in order.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsynchronousAnswersTests {

	private static final CheckSchedule SCHEDULE = new CheckSchedule(Duration.ofMillis(30), Duration.ofMillis(20));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 2);

	private final ExecutorService network = Executors.newFixedThreadPool(4);

	@AfterEach
	void stop() {
		this.runner.close();
		this.network.shutdownNow();
	}

	@Test
	void aFutureThatNeverCompletesHasOneCallOutstandingAtMostAndEveryOverdueOneIsCancelled() {
		List<CompletableFuture<Health>> calls = new CopyOnWriteArrayList<>();
		start((name) -> SCHEDULE, () -> {
			CompletableFuture<Health> call = new CompletableFuture<>();
			calls.add(call);
			return call;
		});
		long startNanos = System.nanoTime();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
			assertThat(calls.stream().filter((call) -> !call.isDone()).count()).isLessThanOrEqualTo(1);
			return calls.size() >= 30;
		});
		List<CompletableFuture<Health>> made = List.copyOf(calls);
		long cancelled = made.stream().filter(CompletableFuture::isCancelled).count();
		System.out.printf("never-completing future (interval 30ms, timeout 20ms): %d calls in %.1fs, %d cancelled%n",
				made.size(), (System.nanoTime() - startNanos) / 1e9, cancelled);
		// Every call but the last, which may still be within its timeout.
		assertThat(cancelled).isGreaterThanOrEqualTo(made.size() - 1);
		assertThat(statusOf("async")).isEqualTo(Status.DOWN);
	}

	@Test
	void anAnswerThatCannotBeCancelledKeepsItsCheckBusyAndDownUntilItCompletes(CapturedOutput output) {
		AtomicInteger starts = new AtomicInteger();
		CompletableFuture<Health> source = new CompletableFuture<>();
		start((name) -> SCHEDULE, () -> {
			starts.incrementAndGet();
			// A stage without cancel: cancelling its toCompletableFuture() copy leaves it
			// running.
			return source.minimalCompletionStage();
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> this.runner.load().stuck() == 1);
		// Many intervals pass while the answer is outstanding: counted on the same
		// engine's timer by a check on the same schedule.
		Ticks.on(this.runner, SCHEDULE).awaitMore(8);
		assertThat(starts.get()).isOne();
		assertThat(statusOf("async")).isEqualTo(Status.DOWN);
		assertThat(this.store.checkResult("async").getDetails().get("error"))
			.hasToString("The check did not answer within its timeout of 20ms");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).contains("Health check 'async' is stuck")
				.contains("its answer could not be cancelled"));
		// The late answer is not recorded: the next evaluation's is.
		source.complete(Health.up().build());
		await().atMost(Duration.ofSeconds(5)).until(() -> starts.get() > 1);
		assertThat(this.runner.load().stuck()).isZero();
	}

	@Test
	void anOlderResultNeverOverwritesANewerOne() {
		// Answers complete on other threads, some just before their timeout and some just
		// after, while ticks come every 2ms: every result the store holds must be newer
		// than the one before.
		this.store.defineServices(Map.of("", Set.of("async")));
		this.store.setAcceptingTraffic(true);
		AtomicLong evaluations = new AtomicLong();
		List<Long> recorded = new CopyOnWriteArrayList<>();
		this.store.addListener((service, status) -> {
			Health health = this.store.checkResult("async");
			// The listener hears on its own lane and reads the result held now: two
			// changes heard after both were recorded read the same, newest result twice.
			// That is the same result again, not an older one; it is counted once.
			if (health != null && health.getDetails().get("evaluation") instanceof Long evaluation
					&& (recorded.isEmpty() || !evaluation.equals(recorded.get(recorded.size() - 1)))) {
				recorded.add(evaluation);
			}
		});
		start((name) -> new CheckSchedule(Duration.ofMillis(2), Duration.ofMillis(3)), () -> {
			long evaluation = evaluations.incrementAndGet();
			CompletableFuture<Health> answer = new CompletableFuture<>();
			long delayMicros = ThreadLocalRandom.current().nextLong(0, 6_000);
			this.network.execute(() -> {
				sleepMicros(delayMicros);
				// Alternate, so that every recorded result changes the service's status.
				answer
					.complete(((evaluation % 2) == 0 ? Health.up() : Health.down()).withDetail("evaluation", evaluation)
						.build());
			});
			return answer;
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.get() >= 1_000);
		List<Long> seen = List.copyOf(recorded);
		System.out.printf("results in order: %d evaluations, %d answers recorded, all in order%n", evaluations.get(),
				seen.size());
		assertThat(seen).hasSizeGreaterThan(50).isSorted().doesNotHaveDuplicates();
	}

	private void start(Function<String, CheckSchedule> schedules, CheckFunction function) {
		this.runner.start(List.of(new CheckDefinition.Polled("async", function)), schedules);
	}

	private Status statusOf(String check) {
		Health health = this.store.checkResult(check);
		return (health != null) ? health.getStatus() : null;
	}

	private static void sleepMicros(long micros) {
		try {
			TimeUnit.MICROSECONDS.sleep(micros);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
