package io.github.healthgrpc.benchmarks.report;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Load} and the report's {@link Stamp}: a run above the load bound is
 * marked invalid at the top of its report.
 */
class LoadTests {

	private static final List<Double> AVERAGES = List.of(2.1, 2.4, 2.2);

	@Test
	void aRunOnAQuietMachineIsWithinTheBoundsThoughItsOwnThreadsRaiseTheLoadAverage() {
		Load load = new Load(0.4, AVERAGES, List.of(0.05, 0.1, 0.25));
		assertThat(load.aboveBound()).isEmpty();
		assertThat(load.describe()).contains("- load at the start: 0.40 (1-minute load average; bound 1.00)")
			.contains("- CPU of other processes during the run: 0.10 cores median, 0.05–0.25, 3 samples every 10 s "
					+ "(bound: median 0.25)")
			.contains(
					"- load average during the run, the run's own threads included: 2.20 median, 2.10–2.40, 3 samples")
			.contains("- load within the bounds: yes");
		assertThat(Stamp.banner("published", true, load)).isEmpty();
	}

	@Test
	void aRunWhileOtherProcessesTookMoreThanTheBoundIsInvalid() {
		Load load = new Load(0.4, AVERAGES, List.of(0.2, 0.3, 0.9));
		assertThat(load.aboveBound())
			.contains("load 0.30 cores of other processes (median during the run), above the bound 0.25");
		assertThat(load.describe()).contains("- load within the bounds: **no**, load 0.30 cores");
		assertThat(Stamp.banner("published", true, load)).startsWith("**INVALID, not for publication: load 0.30 "
				+ "cores of other processes (median during the run), above the bound 0.25.**\n");
	}

	@Test
	void aShortBurstOfOtherWorkDoesNotVoidARun() {
		assertThat(new Load(0.4, AVERAGES, List.of(0.0, 0.01, 1.9)).aboveBound()).isEmpty();
	}

	@Test
	void aRunStartedAboveTheLoadAverageBoundIsInvalid() {
		Load load = new Load(1.01, AVERAGES, List.of(0.0));
		assertThat(load.aboveBound()).contains("load average 1.01 at the start, above the bound 1.00");
		assertThat(Stamp.banner("quick", false, load)).startsWith("**INVALID, not for publication: load average");
		assertThat(new Load(1.0, AVERAGES, List.of(0.0)).aboveBound()).isEmpty();
	}

	@Test
	void aLoadNeverMeasuredIsNoLoadWithinTheBounds() {
		assertThat(new Load(0.1, List.of(), List.of()).aboveBound()).isPresent();
		assertThat(new Load(Double.NaN, AVERAGES, List.of(0.0)).aboveBound()).isPresent();
	}

	@Test
	void aRunInAnotherModeIsNotForPublicationEvenOnAQuietMachine() {
		assertThat(Stamp.banner("quick", false, new Load(0.4, AVERAGES, List.of(0.0))))
			.isEqualTo("Not for publication: only the published mode's figures are (this is the quick mode).\n\n");
	}

	@Test
	void theStampNamesTheCommitTheMachineAndTheMode() {
		String stamp = Stamp.render(Stamp.commit(), "smoke", false, 1, Instant.parse("2026-12-05T02:00:00Z"),
				Instant.parse("2026-12-05T02:03:10Z"), new Load(0.4, AVERAGES, List.of(0.0)));
		System.out.println(stamp);
		assertThat(stamp).contains("## smoke mode, 1 round(s)")
			.containsPattern(
					"- commit: (`[0-9a-f]{40}`, (clean tree|\\*\\*dirty tree\\*\\*).*|unknown.*) \\(as the run started\\)")
			.contains("- started 2026-12-05T02:00:00Z, ended 2026-12-05T02:03:10Z (3 min 10 s)")
			.contains("- processors (available to the JVM, as nproc counts them): ")
			.contains("- memory: ")
			.contains("- Java: " + System.getProperty("java.vendor"))
			.contains("kernel Linux ");
	}

}
