package io.github.healthgrpc.benchmarks.harness;

import java.time.Duration;
import java.util.List;

/**
 * How much to measure: the smoke mode (the harness works), the quick mode (a few
 * minutes), the full mode (more rounds, longer periods) or the published mode (the one
 * whose figures are published: at least {@link #PUBLISHED_ROUNDS} rounds, on a quiet
 * machine).
 *
 * @param rounds rounds over every peer, in a new random order each
 * @param checkWarmUp unmeasured Check load before the first measured period (half of it
 * before the second)
 * @param checkMeasured each measured period of Check load
 * @param pacedLoad how long the 10,000 calls/s load runs
 * @param tcpCycles pricing outage cycles of each kind (refused, blackholed), two changes
 * each: {@code full}'s 5 make 10 changes of each kind per peer and round, the published
 * mode's 4 make 24 over its three rounds (the worst case is judged on at least 20)
 * @param manualChanges manual status changes
 * @param chainChanges changes of A's status in the propagation chain, on each server
 * @param fanOutSizes crowds of watchers
 * @param startsPerRound starts of each pair of peers (without and with the starter) per
 * round, for the startup figures
 * @param checkOnly whether to measure the Check load alone (for a profile of it)
 * @param chainOnly whether to measure the propagation chain alone
 * @param pushOnly whether to leave out the Check loads and the starts, measuring what is
 * pushed (freshness, fan-out, memory, SIGTERM, the chain): a run of its own beside the
 * {@code --check-only} and {@code --startup-only} ones, so that each fits a quiet hour
 */
record Plan(int rounds, Duration checkWarmUp, Duration checkMeasured, Duration pacedLoad, int tcpCycles,
		int manualChanges, int chainChanges, List<Integer> fanOutSizes, int startsPerRound, boolean checkOnly,
		boolean chainOnly, boolean pushOnly) {

	static final int PACED_RATE = 10_000;

	static final int SIGTERM_WATCHERS = 1_000;

	/** The fan-out crowd of one watcher per connection (issue 19, measures). */
	static final int ONE_PER_CONNECTION_WATCHERS = 1_000;

	/**
	 * The fewest rounds the published mode runs: with fewer, the rounds' range says too
	 * little about the noise.
	 */
	static final int PUBLISHED_ROUNDS = 3;

	static Plan quick() {
		return new Plan(1, Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofSeconds(8), 3, 100, 50,
				List.of(1_000, 10_000), 5, false, false, false);
	}

	static Plan full() {
		return new Plan(3, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), 5, 300, 200,
				List.of(1_000, 10_000), 8, false, false, false);
	}

	/**
	 * The mode whose figures are published: three rounds. Every part in one run takes
	 * over an hour on a quiet 2-core machine, so the published figures come from three
	 * runs of it: {@code --check-only} over the six Check peers (17.5 minutes on
	 * 2026-12-05), {@code --startup-only --pairs=3} (4 minutes) and {@code --push-only}
	 * (freshness, manual push, fan-out, memory, SIGTERM, the chain and JMH).
	 */
	static Plan published() {
		return new Plan(PUBLISHED_ROUNDS, Duration.ofSeconds(8), Duration.ofSeconds(6), Duration.ofSeconds(10), 4, 100,
				20, List.of(1_000, 10_000), 2, false, false, false);
	}

	/**
	 * A run that only shows the harness works: one round, a second or two of everything,
	 * small crowds, a few changes (what the build's own pass of the propagation chain
	 * runs).
	 */
	static Plan smoke() {
		return new Plan(1, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 10, 10,
				List.of(200), 1, false, false, false);
	}

	/**
	 * The mode a command line asks for.
	 * @param args the command line
	 * @return {@code published}, {@code full}, {@code smoke} or {@code quick} (the
	 * default)
	 */
	static String mode(List<String> args) {
		return List.of("published", "full", "smoke").stream().filter(args::contains).findFirst().orElse("quick");
	}

	/**
	 * The plan a command line asks for: {@code smoke}, {@code quick}, {@code full} or
	 * {@code published}, then {@code --rounds=N} to change the number of rounds (at least
	 * {@link #PUBLISHED_ROUNDS} in the published mode), {@code --check-only} to measure
	 * the Check load alone, {@code --chain-only} the propagation chain alone,
	 * {@code --push-only} all but the Check loads and the starts, {@code --pairs=N} for
	 * the starts of each pair per round.
	 */
	static Plan of(List<String> args) {
		Plan plan = switch (mode(args)) {
			case "published" -> published();
			case "full" -> full();
			case "smoke" -> smoke();
			default -> quick();
		};
		int rounds = args.stream()
			.filter((arg) -> arg.startsWith("--rounds="))
			.map((arg) -> Integer.parseInt(arg.substring("--rounds=".length())))
			.reduce((first, second) -> second)
			.orElse(plan.rounds);
		if (mode(args).equals("published") && rounds < PUBLISHED_ROUNDS) {
			throw new IllegalArgumentException("--rounds=" + rounds + ": the published mode runs at least "
					+ PUBLISHED_ROUNDS + " rounds; give --rounds=" + PUBLISHED_ROUNDS + " or more, or leave it out");
		}
		int pairs = args.stream()
			.filter((arg) -> arg.startsWith("--pairs="))
			.map((arg) -> Integer.parseInt(arg.substring("--pairs=".length())))
			.reduce((first, second) -> second)
			.orElse(plan.startsPerRound);
		return new Plan(rounds, plan.checkWarmUp, plan.checkMeasured, plan.pacedLoad, plan.tcpCycles,
				plan.manualChanges, plan.chainChanges, plan.fanOutSizes, pairs, args.contains("--check-only"),
				args.contains("--chain-only"), args.contains("--push-only"));
	}

}
