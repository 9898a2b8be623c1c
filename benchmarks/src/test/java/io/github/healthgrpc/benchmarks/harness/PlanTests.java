package io.github.healthgrpc.benchmarks.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Plan}: the modes a command line asks for.
 */
class PlanTests {

	@Test
	void thePublishedModeRunsAtLeastThreeRounds() {
		assertThat(Plan.mode(List.of("published"))).isEqualTo("published");
		assertThat(Plan.of(List.of("published"))).isEqualTo(Plan.published());
		assertThat(Plan.published().rounds()).isGreaterThanOrEqualTo(3);
		// Issue 19: the worst freshness is judged on at least 20 changes of each kind,
		// two per outage cycle.
		assertThat(Plan.published().rounds() * Plan.published().tcpCycles() * 2).isGreaterThanOrEqualTo(20);
		assertThat(Plan.of(List.of("published", "--rounds=5")).rounds()).isEqualTo(5);
		assertThatIllegalArgumentException().isThrownBy(() -> Plan.of(List.of("published", "--rounds=2")))
			.withMessage("--rounds=2: the published mode runs at least 3 rounds; give --rounds=3 or more, or leave "
					+ "it out");
	}

	@Test
	void theOtherModesStayAsTheyWere() {
		assertThat(Plan.of(List.of())).isEqualTo(Plan.quick());
		assertThat(Plan.of(List.of("full"))).isEqualTo(Plan.full());
		assertThat(Plan.of(List.of("smoke", "--no-jmh"))).isEqualTo(Plan.smoke());
		assertThat(Plan.of(List.of("quick", "--rounds=1")).rounds()).isEqualTo(1);
	}

	@Test
	void aPushOnlyRunLeavesOutTheCheckLoadsAndTheStartsAndKeepsTheRest() {
		Plan plan = Plan.of(List.of("published", "--push-only"));
		assertThat(plan.pushOnly()).isTrue();
		assertThat(plan.checkOnly()).isFalse();
		assertThat(plan.chainOnly()).isFalse();
		assertThat(plan.rounds()).isEqualTo(Plan.PUBLISHED_ROUNDS);
		assertThat(plan.tcpCycles()).isEqualTo(Plan.published().tcpCycles());
		assertThat(Plan.of(List.of("published")).pushOnly()).isFalse();
	}

}
