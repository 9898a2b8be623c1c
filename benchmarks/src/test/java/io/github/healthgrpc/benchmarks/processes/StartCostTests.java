package io.github.healthgrpc.benchmarks.processes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartCostTests {

	@Test
	void readsEveryFieldOfAReadyLine() {
		StartCost cost = StartCost.parse("ready 2400 2900 6700 192 4800000000 171000000 2100000000 2500".split(" "));
		assertThat(cost).isEqualTo(new StartCost(6700, 192, 4_800_000_000L, 171_000_000, 2_100_000_000L, 2500));
	}

}
