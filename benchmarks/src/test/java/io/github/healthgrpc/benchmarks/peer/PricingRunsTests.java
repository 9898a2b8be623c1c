package io.github.healthgrpc.benchmarks.peer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PricingRuns}: the run that saw a change is the first one that started
 * after it and found it.
 */
class PricingRunsTests {

	@Test
	void theFirstRunAfterTheChangeThatFoundItSawIt() {
		// Far in the future of every other test's runs.
		long change = WallClock.micros() + 3_600_000_000L;
		PricingRuns.record(new PricingRuns.Run(change - 500, change - 400, true));
		PricingRuns.record(new PricingRuns.Run(change + 1_000, change + 1_100, true));
		PricingRuns.record(new PricingRuns.Run(change + 2_000, change + 252_000, false));
		PricingRuns.record(new PricingRuns.Run(change + 3_000, change + 253_000, false));
		assertThat(PricingRuns.firstSince(change, false)).extracting(PricingRuns.Run::startMicros)
			.isEqualTo(change + 2_000);
		assertThat(PricingRuns.firstSince(change, true)).extracting(PricingRuns.Run::startMicros)
			.isEqualTo(change + 1_000);
		assertThat(PricingRuns.firstSince(change + 5_000, false)).isNull();
	}

	@Test
	void aRunIsStampedOnTheSharedClockAroundTheCheck() {
		long before = WallClock.micros();
		assertThat(PricingRuns.run(() -> false)).isFalse();
		PricingRuns.Run run = PricingRuns.firstSince(before, false);
		assertThat(run).isNotNull();
		assertThat(run.startMicros()).isBetween(before, run.endMicros());
		assertThat(run.endMicros()).isLessThanOrEqualTo(WallClock.micros());
	}

	@Test
	void aNanoTimeMapsOntoTheSharedClock() {
		// The nanoTime is read between two readings of the wall clock, so that a thread
		// preempted between the reads widens the bounds instead of failing the test.
		long wallBefore = WallClock.micros();
		long nano = System.nanoTime();
		long wallAfter = WallClock.micros();
		assertThat(WallClock.micros(nano)).isBetween(wallBefore - 1_000, wallAfter + 1_000);
		assertThat(WallClock.micros(nano - 5_000_000_000L)).isBetween(wallBefore - 5_001_000, wallAfter - 4_999_000);
	}

}
