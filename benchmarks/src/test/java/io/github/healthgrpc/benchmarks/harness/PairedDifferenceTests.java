package io.github.healthgrpc.benchmarks.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PairedDifference}: the sign-test interval over paired differences and
 * the three verdicts on it.
 */
class PairedDifferenceTests {

	@Test
	void differencesArePairedByIndexNotByRank() {
		// The i-th start with the starter against the i-th without it: -390, 410 and 10.
		// Sorted separately the lists would differ by 10 everywhere, an interval as
		// narrow
		// as it is false.
		PairedDifference added = PairedDifference.of(List.of(110.0, 510.0, 310.0), List.of(500.0, 100.0, 300.0));
		assertThat(added.median()).isEqualTo(10);
		assertThat(added.low()).isEqualTo(-390);
		assertThat(added.high()).isEqualTo(410);
		assertThat(added.pairs()).isEqualTo(3);
	}

	@Test
	void confidenceOfTheSignTestInterval() {
		// From the k-th smallest to the k-th largest of n: 1 - 2 P(Binomial(n, 1/2) < k).
		assertThat(PairedDifference.confidence(5, 1)).isCloseTo(1 - 2.0 / 32, within(1e-12));
		assertThat(PairedDifference.confidence(10, 2)).isCloseTo(1 - 2.0 * 11 / 1024, within(1e-12));
		assertThat(PairedDifference.confidence(10, 3)).isCloseTo(1 - 2.0 * 56 / 1024, within(1e-12));
	}

	@Test
	void theIntervalIsAsNarrowAsTheTargetConfidenceAllows() {
		double[] differences = { 9, 1, 8, 2, 7, 3, 6, 4, 5, 10 };
		PairedDifference added = PairedDifference.of(differences);
		// k = 2 gives 97.9 %, k = 3 gives 89.1 % (under 90 %): from the 2nd to the 9th.
		assertThat(added.low()).isEqualTo(2);
		assertThat(added.high()).isEqualTo(9);
		assertThat(added.confidence()).isGreaterThanOrEqualTo(PairedDifference.TARGET);
		assertThat(added.median()).isEqualTo(5.5);
	}

	@Test
	void tooFewPairsGiveTheWidestIntervalAndSaySo() {
		PairedDifference added = PairedDifference.of(new double[] { 30, -20, 40 });
		assertThat(added.low()).isEqualTo(-20);
		assertThat(added.high()).isEqualTo(40);
		assertThat(added.confidence()).isEqualTo(0.75);
	}

	@Test
	void relativeDifferencesAreOfEachPairsOwnBaseline() {
		PairedDifference added = PairedDifference.relative(List.of(1100.0, 2040.0, 3090.0),
				List.of(1000.0, 2000.0, 3000.0));
		assertThat(added.median()).isCloseTo(0.03, within(1e-12));
		assertThat(added.low()).isCloseTo(0.02, within(1e-12));
		assertThat(added.high()).isCloseTo(0.10, within(1e-12));
	}

	@Test
	void verdictIsMetOnlyWhenTheWholeIntervalIsUnderTheBound() {
		assertThat(PairedDifference.of(new double[] { 10, 20, 30 }).under(50)).isEqualTo(Verdict.MET);
		assertThat(PairedDifference.of(new double[] { 60, 70, 80 }).under(50)).isEqualTo(Verdict.NOT_MET);
		assertThat(PairedDifference.of(new double[] { 10, 70, 30 }).under(50)).isEqualTo(Verdict.INCONCLUSIVE);
		assertThat(PairedDifference.of(new double[] { 50, 70, 80 }).under(50)).isEqualTo(Verdict.NOT_MET);
		assertThat(PairedDifference.of(new double[0]).under(50)).isEqualTo(Verdict.INCONCLUSIVE);
	}

}
