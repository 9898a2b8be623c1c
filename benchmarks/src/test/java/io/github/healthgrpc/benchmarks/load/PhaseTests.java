package io.github.healthgrpc.benchmarks.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import io.github.healthgrpc.benchmarks.processes.Peer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Phase}: pauses drawn uniformly over each peer's own check period.
 */
class PhaseTests {

	@Test
	void eachPeerHasItsOwnCheckPeriod() {
		assertThat(Phase.checkPeriod(Peer.BOOT)).isEqualTo(Duration.ofSeconds(5));
		assertThat(Phase.checkPeriod(Peer.HEALTH_GRPC_BOOT)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Phase.checkPeriod(Peer.HEALTH_GRPC_DEVH)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Phase.checkPeriod(Peer.BARE)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void pausesCoverBootsWholePeriodUniformly() {
		Duration period = Phase.checkPeriod(Peer.BOOT);
		Random random = new Random(19);
		int draws = 10_000;
		int[] bins = new int[10];
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int i = 0; i < draws; i++) {
			long pause = Phase.pauseNanos(period, random);
			assertThat(pause).isNotNegative().isLessThan(period.toNanos());
			min = Math.min(min, pause);
			max = Math.max(max, pause);
			bins[(int) (pause * bins.length / period.toNanos())]++;
		}
		System.out.printf("Phase: %d pauses over %s: %.3f–%.3f s, tenths %s%n", draws, period, min / 1e9, max / 1e9,
				Arrays.toString(bins));
		// The whole period, both ends: a 0–1 s pause against Boot's 5 s poll fails here.
		assertThat(min).isLessThan(period.toNanos() / 100);
		assertThat(max).isGreaterThan(period.toNanos() * 99 / 100);
		// 1,000 expected in each tenth, a standard deviation of 30: 20 % either way is
		// roughly uniform without being luck.
		assertThat(Arrays.stream(bins).boxed()).allSatisfy((count) -> assertThat(count).isBetween(800, 1200));
	}

}
