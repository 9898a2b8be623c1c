package io.github.healthgrpc.benchmarks.peer;

import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

/**
 * When the peer's {@code pricing} check ran and what it found, on the {@link WallClock}:
 * the moment the check saw a change of the dependency, which the harness asks for over
 * the control line ({@code saw}) to time a change from there as well as from the outage.
 * Only the check knows this moment: a refused or dropped connection attempt never reaches
 * the listener.
 */
public final class PricingRuns {

	// Runs of the last hour at one a second: more than any measurement looks back.
	private static final int KEPT = 4096;

	private static final Run[] runs = new Run[KEPT];

	private static long count;

	private PricingRuns() {
	}

	/**
	 * Run a check and note when it started, when it ended and what it found.
	 * @param check the check
	 * @return what it found
	 */
	public static boolean run(BooleanSupplier check) {
		long start = WallClock.micros();
		boolean up = check.getAsBoolean();
		record(new Run(start, WallClock.micros(), up));
		return up;
	}

	static synchronized void record(Run run) {
		runs[(int) (count++ % KEPT)] = run;
	}

	/**
	 * The first run that started at or after a moment and found the given result.
	 * @param sinceMicros the moment, on the {@link WallClock}
	 * @param up the result looked for
	 * @return the run, or {@code null} if none has ended yet
	 */
	static synchronized @Nullable Run firstSince(long sinceMicros, boolean up) {
		Run first = null;
		for (long i = Math.max(0, count - KEPT); i < count; i++) {
			Run run = runs[(int) (i % KEPT)];
			if (run.startMicros() >= sinceMicros && run.up() == up
					&& (first == null || run.startMicros() < first.startMicros())) {
				first = run;
			}
		}
		return first;
	}

	/**
	 * One run of the check.
	 *
	 * @param startMicros when it started, on the {@link WallClock}
	 * @param endMicros when it had its result
	 * @param up what it found
	 */
	record Run(long startMicros, long endMicros, boolean up) {

	}

}
