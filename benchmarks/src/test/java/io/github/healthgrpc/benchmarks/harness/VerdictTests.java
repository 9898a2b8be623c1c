package io.github.healthgrpc.benchmarks.harness;

import java.util.List;

import io.github.healthgrpc.benchmarks.harness.Verdict.Direction;
import io.github.healthgrpc.benchmarks.report.Spread;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Verdict}: met, not met or inconclusive over the rounds' range.
 */
class VerdictTests {

	@Test
	void atMostIsMetWhenEvenTheWorstRoundMeetsTheBoundTheBoundItselfIncluded() {
		assertThat(Verdict.of(range(3, 4, 5), 5, Direction.AT_MOST)).isEqualTo(Verdict.MET);
	}

	@Test
	void atMostIsNotMetWhenEvenTheBestRoundMissesTheBound() {
		assertThat(Verdict.of(range(5.01, 6, 7), 5, Direction.AT_MOST)).isEqualTo(Verdict.NOT_MET);
	}

	@Test
	void atMostIsInconclusiveWhenTheRoundsRangeCrossesTheBound() {
		assertThat(Verdict.of(range(4, 6, 7), 5, Direction.AT_MOST)).isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(Verdict.of(range(5, 6, 7), 5, Direction.AT_MOST)).isEqualTo(Verdict.INCONCLUSIVE);
	}

	@Test
	void atLeastJudgesTheOtherEndsOfTheRange() {
		assertThat(Verdict.of(range(0.95, 1.0, 1.1), 0.95, Direction.AT_LEAST)).isEqualTo(Verdict.MET);
		assertThat(Verdict.of(range(0.8, 0.9, 0.949), 0.95, Direction.AT_LEAST)).isEqualTo(Verdict.NOT_MET);
		assertThat(Verdict.of(range(0.9, 0.97, 1.0), 0.95, Direction.AT_LEAST)).isEqualTo(Verdict.INCONCLUSIVE);
		// The same range against an upper bound of the same value: the ends swap roles.
		assertThat(Verdict.of(range(0.95, 1.0, 1.1), 0.95, Direction.AT_MOST)).isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(Verdict.of(range(0.8, 0.9, 0.949), 0.95, Direction.AT_MOST)).isEqualTo(Verdict.MET);
	}

	@Test
	void oneRoundIsOnlyEverMetOrNotMet() {
		Spread oneRound = Spread.of(List.of(5.0)).orElseThrow();
		assertThat(oneRound.single()).isTrue();
		assertThat(Verdict.of(oneRound, 5, Direction.AT_MOST)).isEqualTo(Verdict.MET);
		assertThat(Verdict.of(oneRound, 4.99, Direction.AT_MOST)).isEqualTo(Verdict.NOT_MET);
		assertThat(Verdict.of(oneRound, 5, Direction.AT_LEAST)).isEqualTo(Verdict.MET);
		assertThat(Verdict.of(oneRound, 5.01, Direction.AT_LEAST)).isEqualTo(Verdict.NOT_MET);
	}

	@Test
	void aChangeNeverHeardOrAFigureNeverMeasuredMeetsNoBound() {
		assertThat(Verdict.of(range(10, 20, Double.POSITIVE_INFINITY), 50, Direction.AT_MOST))
			.isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(Verdict.of(range(Double.NaN, Double.NaN, Double.NaN), 50, Direction.AT_MOST))
			.isEqualTo(Verdict.NOT_MET);
		assertThat(Verdict.of(range(Double.NaN, Double.NaN, Double.NaN), 50, Direction.AT_LEAST))
			.isEqualTo(Verdict.NOT_MET);
	}

	@Test
	void aGoalThatIsNoBoundIsJudgedRoundByRound() {
		assertThat(Verdict.ofEach(List.of(1.0, 1.0, 1.0), (open) -> open == 1)).isEqualTo(Verdict.MET);
		assertThat(Verdict.ofEach(List.of(0.0, 2.0), (open) -> open == 1)).isEqualTo(Verdict.NOT_MET);
		assertThat(Verdict.ofEach(List.of(1.0, 2.0, 1.0), (open) -> open == 1)).isEqualTo(Verdict.INCONCLUSIVE);
	}

	@Test
	void theSpreadIsTheMedianBetweenTheLowestAndTheHighest() {
		assertThat(Spread.of(List.of(7.0, 3.0, 4.0))).contains(new Spread(3, 4, 7, 3));
		assertThat(Spread.of(List.of(7.0, 3.0, 4.0, 5.0))).contains(new Spread(3, 4.5, 7, 4));
		assertThat(Spread.of(List.of())).isEmpty();
	}

	private static Spread range(double low, double median, double high) {
		return new Spread(low, median, high, 3);
	}

}
