package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
import java.util.random.RandomGenerator;

import io.github.healthgrpc.benchmarks.processes.Peer;

/**
 * Where in a peer's check schedule a change lands. A change made a pause after the last
 * one was heard, the pause drawn uniformly over one whole period of the peer's schedule,
 * lands at a uniform phase of that schedule whatever the phase the pause started at: the
 * figures then show the typical wait for the next check, not one biased to just after (or
 * just before) it.
 */
public final class Phase {

	private Phase() {
	}

	/**
	 * How often a peer's own health asks the {@code pricing} check: Spring Boot's own
	 * health polls every 5 s, health-grpc and the bare peer's checker every 1 s (devh's
	 * default never asks it, and gets 1 s for the pauses).
	 * @param peer the peer
	 * @return its period
	 */
	public static Duration checkPeriod(Peer peer) {
		return (peer == Peer.BOOT) ? Duration.ofSeconds(5) : Duration.ofSeconds(1);
	}

	/**
	 * A pause drawn uniformly over one period.
	 * @param period the schedule's period
	 * @param random where the draw comes from (seeded in tests)
	 * @return nanoseconds, at least 0 and less than the period
	 */
	static long pauseNanos(Duration period, RandomGenerator random) {
		return random.nextLong(period.toNanos());
	}

	/**
	 * Sleep a pause drawn uniformly over one period.
	 * @param period the schedule's period
	 * @param random where the draw comes from
	 */
	static void sleep(Duration period, RandomGenerator random) throws InterruptedException {
		long nanos = pauseNanos(period, random);
		Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
	}

}
