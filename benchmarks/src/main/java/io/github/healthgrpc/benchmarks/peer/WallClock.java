package io.github.healthgrpc.benchmarks.peer;

import java.time.Clock;
import java.time.Instant;

/**
 * The clock that the harness and a peer, two JVMs on one machine, both read: the system's
 * UTC clock in microseconds since the epoch. {@link System#nanoTime()} is not comparable
 * between JVMs (its origin is arbitrary), the system clock is, to the microsecond on
 * Linux.
 */
public final class WallClock {

	private static final Clock CLOCK = Clock.systemUTC();

	private WallClock() {
	}

	/**
	 * Now.
	 * @return microseconds since the epoch
	 */
	public static long micros() {
		Instant now = CLOCK.instant();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
	}

	/**
	 * A moment that this JVM stamped with {@link System#nanoTime()}, on the shared clock.
	 * @param nanoTime a {@link System#nanoTime()} of the recent past
	 * @return microseconds since the epoch
	 */
	public static long micros(long nanoTime) {
		long before = System.nanoTime();
		long now = micros();
		long after = System.nanoTime();
		return now - ((before + after) / 2 - nanoTime) / 1_000;
	}

}
