package io.github.healthgrpc.benchmarks.harness;

import java.time.Duration;
import java.util.List;

/**
 * How much to measure: the quick mode (a few minutes) or the full mode (more rounds,
 * longer periods).
 *
 * @param rounds rounds over every peer, in a new random order each
 * @param checkWarmUp unmeasured Check load before the first measured period (half of it
 * before the second)
 * @param checkMeasured each measured period of Check load
 * @param pacedLoad how long the 10,000 calls/s load runs
 * @param tcpCycles pricing outage cycles of each kind (refused, blackholed), two changes
 * each: {@code full}'s 5 make 20 changes per peer and round
 * @param manualChanges manual status changes
 * @param chainChanges changes of A's status in the propagation chain, on each server
 * @param fanOutSizes crowds of watchers
 * @param startsPerRound extra starts of each peer per round, for the startup time
 * @param checkOnly whether to measure the Check load alone (for a profile of it)
 * @param chainOnly whether to measure the propagation chain alone
 */
record Plan(int rounds, Duration checkWarmUp, Duration checkMeasured, Duration pacedLoad, int tcpCycles,
		int manualChanges, int chainChanges, List<Integer> fanOutSizes, int startsPerRound, boolean checkOnly,
		boolean chainOnly) {

	static final int PACED_RATE = 10_000;

	static final int SIGTERM_WATCHERS = 1_000;

	/** The fan-out crowd of one watcher per connection (issue 19, measures). */
	static final int ONE_PER_CONNECTION_WATCHERS = 1_000;

	static Plan quick() {
		return new Plan(1, Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofSeconds(8), 3, 100, 50,
				List.of(1_000, 10_000), 3, false, false);
	}

	static Plan full() {
		return new Plan(3, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), 5, 300, 200,
				List.of(1_000, 10_000), 4, false, false);
	}

	/**
	 * A run that only shows the harness works: one round, a second or two of everything,
	 * small crowds, a few changes (what the build's own pass of the propagation chain
	 * runs).
	 */
	static Plan smoke() {
		return new Plan(1, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 10, 10,
				List.of(200), 1, false, false);
	}

	/**
	 * The plan a command line asks for: {@code smoke}, {@code quick} or {@code full},
	 * then {@code --rounds=N} to change the number of rounds, {@code --check-only} to
	 * measure the Check load alone, {@code --chain-only} the propagation chain alone.
	 */
	static Plan of(List<String> args) {
		Plan plan = args.contains("full") ? full() : args.contains("smoke") ? smoke() : quick();
		int rounds = args.stream()
			.filter((arg) -> arg.startsWith("--rounds="))
			.map((arg) -> Integer.parseInt(arg.substring("--rounds=".length())))
			.reduce((first, second) -> second)
			.orElse(plan.rounds);
		return new Plan(rounds, plan.checkWarmUp, plan.checkMeasured, plan.pacedLoad, plan.tcpCycles,
				plan.manualChanges, plan.chainChanges, plan.fanOutSizes, plan.startsPerRound,
				args.contains("--check-only"), args.contains("--chain-only"));
	}

}
