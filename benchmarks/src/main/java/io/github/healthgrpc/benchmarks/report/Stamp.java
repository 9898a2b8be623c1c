package io.github.healthgrpc.benchmarks.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The top of a report: whether it is for publication, then what was measured (commit,
 * mode, rounds), on what (the machine), when, and under what load.
 */
public final class Stamp {

	private Stamp() {
	}

	/**
	 * The commit in the working directory now, and whether its tree is dirty: read as the
	 * run starts, since the tree may change while it runs (the peers run what was built
	 * before).
	 * @return the commit as the report states it
	 */
	public static String commit() {
		return Commit.of(Path.of("").toAbsolutePath());
	}

	/**
	 * The stamp of a run.
	 * @param commit the commit measured, from {@link #commit()} as the run started
	 * @param mode the mode's name
	 * @param published whether the mode is the one whose figures are published
	 * @param rounds the rounds the run had
	 * @param started when the run started
	 * @param ended when it ended
	 * @param load the load over the run
	 * @return Markdown
	 */
	public static String render(String commit, String mode, boolean published, int rounds, Instant started,
			Instant ended, Load load) {
		return banner(mode, published, load) + "## " + mode + " mode, " + rounds + " round(s)\n\n- commit: " + commit
				+ " (as the run started)\n- mode: " + mode + ", " + rounds + " round(s)\n" + "- started "
				+ started.truncatedTo(ChronoUnit.SECONDS) + ", ended " + ended.truncatedTo(ChronoUnit.SECONDS) + " ("
				+ took(Duration.between(started, ended)) + ")\n" + Machine.describe() + load.describe();
	}

	private static String took(Duration duration) {
		return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
	}

	/**
	 * The line that says whether the figures are for publication, and why not.
	 */
	static String banner(String mode, boolean published, Load load) {
		String reason = load.aboveBound()
			.map((above) -> "**INVALID, not for publication: " + above + ".**")
			.orElse(published ? ""
					: "Not for publication: only the published mode's figures are (this is the " + mode + " mode).");
		return reason.isEmpty() ? "" : reason + "\n\n";
	}

}
