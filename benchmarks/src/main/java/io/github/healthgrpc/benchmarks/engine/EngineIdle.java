package io.github.healthgrpc.benchmarks.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.health.contributor.Health;

/**
 * The CPU the engine spends running trivial checks every second, nothing else happening:
 * its threads' CPU time ({@code health-grpc-} timer, workers and listeners) over a
 * period, as a share of one core.
 */
final class EngineIdle {

	private static final Health UP = Health.up().build();

	// The starter's default pool size (health.grpc.scheduler.pool-size).
	private static final int WORKERS = 4;

	private static final CheckSchedule EVERY_SECOND = new CheckSchedule(Duration.ofSeconds(1), Duration.ofSeconds(1));

	private EngineIdle() {
	}

	/**
	 * Run the checks and measure.
	 * @param checks how many checks
	 * @param period the measured period, after three seconds of settling
	 * @return the figures
	 */
	static Result measure(int checks, Duration period) throws InterruptedException {
		AtomicLong evaluations = new AtomicLong();
		List<CheckDefinition> definitions = new ArrayList<>();
		Set<String> names = new TreeSet<>();
		for (int i = 0; i < checks; i++) {
			String name = "check-" + i;
			names.add(name);
			definitions.add(new CheckDefinition.Polled(name, () -> {
				evaluations.incrementAndGet();
				return CompletableFuture.completedFuture(UP);
			}));
		}
		StatusStore store = new StatusStore();
		store.defineServices(Map.of(StatusStore.OVERALL, names));
		store.setAcceptingTraffic(true);
		try (CheckRunner runner = new CheckRunner(store, WORKERS)) {
			runner.start(definitions, (name) -> EVERY_SECOND);
			// The first round records every check's first result (a change each) and
			// starts
			// the threads: not idle yet.
			TimeUnit.SECONDS.sleep(2);
			Map<Long, Long> before = ThreadMeter.cpu((name) -> name.startsWith("health-grpc-"));
			long evaluationsBefore = evaluations.get();
			long start = System.nanoTime();
			TimeUnit.NANOSECONDS.sleep(period.toNanos());
			long cpu = ThreadMeter.growth(before, ThreadMeter.cpu((name) -> name.startsWith("health-grpc-")));
			long elapsed = System.nanoTime() - start;
			return new Result(checks, (evaluations.get() - evaluationsBefore) * 1e9 / elapsed, cpu * 100.0 / elapsed);
		}
		finally {
			store.close();
		}
	}

	/**
	 * The figures.
	 *
	 * @param checks how many checks ran
	 * @param evaluationsPerSecond evaluations per second over the period
	 * @param percentOfOneCore the engine threads' CPU time as a share of one core
	 */
	record Result(int checks, double evaluationsPerSecond, double percentOfOneCore) {

	}

}
