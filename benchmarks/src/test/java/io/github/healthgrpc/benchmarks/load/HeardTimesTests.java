package io.github.healthgrpc.benchmarks.load;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HeardTimes}: the fan-out's times keep the first and the slowest
 * watcher.
 */
class HeardTimesTests {

	@Test
	void theSlowestWatcherIsKept() {
		// 1 to 999 ms, and one watcher that heard it after 5 s.
		double[] heard = IntStream.rangeClosed(1, 1000).mapToDouble((i) -> (i == 1000) ? 5000 : i).toArray();
		HeardTimes times = HeardTimes.of(heard, 1000);
		System.out.println("HeardTimes: " + times + ", spread " + times.spread());
		assertThat(times.p0()).isEqualTo(1);
		assertThat(times.p50()).isEqualTo(500);
		assertThat(times.p99()).isEqualTo(990);
		assertThat(times.max()).isEqualTo(5000);
		assertThat(times.spread()).isEqualTo(4999);
	}

	@Test
	void aWatcherThatNeverHeardMakesTheWorstCaseNever() {
		double[] heard = IntStream.rangeClosed(1, 998).mapToDouble((i) -> i).toArray();
		HeardTimes times = HeardTimes.of(heard, 1000);
		assertThat(times.p0()).isEqualTo(1);
		assertThat(times.p99()).isEqualTo(990);
		assertThat(times.max()).isInfinite();
		assertThat(times.spread()).isInfinite();
	}

}
