package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.health.contributor.Health;

import static org.awaitility.Awaitility.await;

/**
 * A check that counts its evaluations, so that a test asserting that something does
 * <em>not</em> happen for a few intervals waits for that many evaluations of a check on
 * the same schedule instead of holding for a fixed time: on a loaded machine it waits
 * longer, on an idle one no longer than the intervals take.
 * <p>
 * {@link #on(CheckRunner, CheckSchedule)} adds it to the engine under test, where that
 * engine keeps running (its timer is the one whose ticks must pass);
 * {@link #ownEngine(CheckSchedule)} runs it on an engine of its own, for an engine under
 * test that is paused, stopped, closed or not started, and so has no timer to count.
 */
public final class Ticks implements AutoCloseable {

	private static final String NAME = "ticks";

	private final AtomicInteger evaluations = new AtomicInteger();

	private final CheckRunner own;

	private Ticks(CheckRunner own) {
		this.own = own;
	}

	/**
	 * Count the evaluations of a check added to the given running engine.
	 * @param runner the engine under test
	 * @param schedule the schedule whose intervals the test counts
	 * @return the ticks
	 */
	public static Ticks on(CheckRunner runner, CheckSchedule schedule) {
		Ticks ticks = new Ticks(null);
		runner.add(ticks.check(), schedule);
		return ticks;
	}

	/**
	 * Count the evaluations of a check on an engine of its own, closed with the ticks.
	 * @param schedule the schedule whose intervals the test counts
	 * @return the ticks
	 */
	public static Ticks ownEngine(CheckSchedule schedule) {
		CheckRunner runner = new CheckRunner(new StatusStore(), 1);
		Ticks ticks = new Ticks(runner);
		runner.start(List.of(ticks.check()), (name) -> schedule);
		return ticks;
	}

	/**
	 * Wait until the check has started the given number of evaluations more: as many
	 * intervals of its schedule have begun on the engine's timer.
	 * @param more the evaluations to wait for
	 */
	public void awaitMore(int more) {
		int target = this.evaluations.get() + more;
		await().atMost(Duration.ofSeconds(10)).until(() -> this.evaluations.get() >= target);
	}

	private CheckDefinition check() {
		return new CheckDefinition.Polled(NAME, () -> {
			this.evaluations.incrementAndGet();
			return CompletableFuture.completedFuture(Health.up().build());
		});
	}

	@Override
	public void close() {
		if (this.own != null) {
			this.own.close();
		}
	}

}
