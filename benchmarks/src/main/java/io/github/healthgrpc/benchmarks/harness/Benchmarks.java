package io.github.healthgrpc.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.github.healthgrpc.benchmarks.engine.EngineBenchmarks;
import io.github.healthgrpc.benchmarks.processes.ClassPath;
import io.github.healthgrpc.benchmarks.processes.Peer;
import io.github.healthgrpc.benchmarks.processes.PeerLauncher;
import io.github.healthgrpc.benchmarks.report.ChainFigures;
import io.github.healthgrpc.benchmarks.report.ChainTable;
import io.github.healthgrpc.benchmarks.report.Figures;
import io.github.healthgrpc.benchmarks.report.Load;
import io.github.healthgrpc.benchmarks.report.Machine;
import io.github.healthgrpc.benchmarks.report.Stamp;
import io.github.healthgrpc.benchmarks.report.Table;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs every peer in rounds, in a new random order each round, and prints the table and
 * the goals, under a stamp of the commit, the machine and its load.
 *
 * <p>
 * {@code java -jar benchmarks/target/health-grpc-benchmarks.jar [smoke|quick|full|published]
 * [--rounds=N] [--check-only] [--chain-only] [--push-only] [--startup-only [--pairs=N]]
 * [--peers=BARE,DEVH,...] [--no-jmh] [--peer-jvm-option=...]}; the report is also written
 * to {@code benchmarks/target/bench/<mode>-<time>/results.md}, each peer's log beside it.
 */
public final class Benchmarks {

	/**
	 * How long the published mode waits for the load average to fall under
	 * {@link Load#START_BOUND} before it starts anyway (and its report says INVALID).
	 */
	private static final Duration QUIET_WAIT = Duration.ofMinutes(10);

	private Benchmarks() {
	}

	/**
	 * Run the benchmarks.
	 * @param args {@code quick} (the default), {@code smoke}, {@code full} or
	 * {@code published} (see {@link Plan}), {@code --rounds=N}, {@code --check-only} for
	 * the Check load alone, {@code --chain-only} for the propagation chain alone,
	 * {@code --push-only} for all but the Check loads and the starts,
	 * {@code --startup-only} for the starts in interleaved pairs alone ({@code --pairs=N}
	 * of them per round), {@code --peers=} a comma-separated subset of {@link Peer},
	 * {@code --no-jmh} to leave out the in-process benchmarks, {@code --peer-jvm-option=}
	 * (repeatable) to start every peer with one more JVM option, such as a JFR recording
	 */
	public static void main(String[] args) throws IOException, InterruptedException, RunnerException {
		List<String> arguments = List.of(args);
		Plan plan = Plan.of(arguments);
		String mode = Plan.mode(arguments);
		boolean published = mode.equals("published");
		// The instrumented variants exist for the Check loads alone.
		List<Peer> peers = peers(arguments).stream()
			.filter((peer) -> !(plan.pushOnly() && peer.isInstrumented()))
			.toList();
		Path out = output(mode);
		PeerLauncher launcher = new PeerLauncher(ClassPath.current(), valuesOf(arguments, "--peer-jvm-option="));
		Figures figures = new Figures();
		ChainFigures chainFigures = new ChainFigures();
		List<Peer> servers = peers.stream().filter(Peer::hasPropagationChain).toList();
		// Only the published mode waits for a quiet machine; the others say what the load
		// was.
		double loadAtStart = Machine.awaitQuiet(published ? QUIET_WAIT : Duration.ZERO);
		Instant started = Instant.now();
		String commit = Stamp.commit();
		try (Machine machine = new Machine(loadAtStart)) {
			if (!arguments.contains("--startup-only")) {
				System.out.println("warming the client up");
				ClientWarmUp.run(plan.checkWarmUp());
			}
			for (int round = 1; round <= plan.rounds(); round++) {
				List<Peer> order = new ArrayList<>(peers);
				Collections.shuffle(order);
				figures.round(round);
				System.out.println("round " + round + " of " + plan.rounds() + ": " + order);
				if (arguments.contains("--startup-only")) {
					startups(plan, peers, launcher, figures, out.resolve("startup.log"));
					continue;
				}
				if (!plan.chainOnly()) {
					for (Peer peer : order) {
						System.out.println("  " + peer.label());
						try {
							new PeerRun(peer, plan, figures).run(launcher,
									out.resolve("r" + round + "-" + peer + ".log"));
						}
						catch (RuntimeException ex) {
							figures.note(peer, "round " + round + " failed: " + ex.getMessage());
							System.out.println("    failed: " + ex.getMessage());
							// Where it failed, for whoever reads the run's output.
							ex.printStackTrace(System.out);
						}
					}
					startups(plan, peers, launcher, figures, out.resolve("startup.log"));
				}
				chains(plan, servers, launcher, chainFigures, figures, out, round);
			}
			// Part "extras" of issue 19: the engine's idle CPU, Check while checks hang,
			// allocation per fan-out, in this JVM; appended to the report below.
			String engine = "\n### In-process (health-grpc's engine)\n\n"
					+ ((plan.checkOnly() || plan.chainOnly()) ? "not run (--check-only or --chain-only)\n"
							: EngineBenchmarks.run(plan.checkMeasured().multipliedBy(2), 10));

			String jmh = arguments.contains("--no-jmh") ? "not run (--no-jmh)\n"
					: InProcessBenchmarks.run(plan.rounds() > 1);
			String report = Stamp.render(commit, mode, published, plan.rounds(), started, Instant.now(), machine.load())
					+ "\n" + report(plan, peers, figures, chainFigures, arguments.contains("--startup-only"))
					+ "\n### In-process (JMH)\n\n" + jmh;
			System.out.println();
			System.out.println(report);
			Files.writeString(out.resolve("results.md"), report);
			System.out.println(engine);
			Files.writeString(out.resolve("results.md"), engine, java.nio.file.StandardOpenOption.APPEND);
		}
	}

	private static void startups(Plan plan, List<Peer> peers, PeerLauncher launcher, Figures figures, Path log)
			throws IOException, InterruptedException {
		if (plan.checkOnly() || plan.pushOnly()) {
			return;
		}
		System.out.println("  starts in interleaved pairs, without and with the starter");
		Startups.measure(peers, plan.startsPerRound(), launcher, figures, log);
	}

	/**
	 * The propagation chain on each health-grpc server, in a new random order each round.
	 */
	private static void chains(Plan plan, List<Peer> servers, PeerLauncher launcher, ChainFigures chainFigures,
			Figures figures, Path out, int round) throws IOException, InterruptedException {
		if (plan.checkOnly()) {
			return;
		}
		List<Peer> order = new ArrayList<>(servers);
		Collections.shuffle(order);
		for (Peer server : order) {
			System.out.println(
					"  propagation chain C -> B -> A, " + server.label() + ", " + plan.chainChanges() + " changes");
			try {
				new ChainRun(server, plan.chainChanges(), chainFigures).run(launcher, out,
						"r" + round + "-chain-" + server);
			}
			catch (RuntimeException ex) {
				figures.note(server, "round " + round + ", propagation chain failed: " + ex.getMessage());
				System.out.println("    failed: " + ex.getMessage());
			}
		}
	}

	private static String report(Plan plan, List<Peer> peers, Figures figures, ChainFigures chainFigures,
			boolean startupOnly) {
		StringBuilder report = new StringBuilder();
		if (!plan.chainOnly()) {
			report.append(Table.render(figures, peers)).append('\n');
		}
		List<Peer> servers = peers.stream().filter(Peer::hasPropagationChain).toList();
		if (!plan.checkOnly() && !startupOnly && !servers.isEmpty()) {
			report.append("### Propagation through a chain C → B → A (")
				.append(plan.chainChanges())
				.append(" changes of A per round)\n\n")
				.append("A flips its manual check; B follows A and C follows B both with health-grpc's upstream check ")
				.append("and, at the same time, with a @HealthCheck that makes a Health Check call every ")
				.append(ChainRun.POLL_INTERVAL)
				.append(". Each change is timed from A's own Watch client being told; calls are counted on A's ")
				.append("server builder.\n\n")
				.append(ChainTable.render(chainFigures, servers))
				.append('\n')
				.append(Table.ONE_ROUND_NOTE)
				.append("\n\n");
		}
		report.append("### Goals\n\n")
			.append("Each goal judged over the rounds: met (every round meets it), not met (no round does), ")
			.append("inconclusive (the rounds' range crosses the bound); a comparison of two peers on its ")
			.append("per-round ratios, both measured in the same round.\n\n")
			.append(Goals.judge(figures, chainFigures))
			.append('\n');
		for (Peer peer : peers) {
			figures.notes(peer)
				.forEach((note) -> report.append("- ").append(peer.label()).append(": ").append(note).append('\n'));
		}
		return report.toString();
	}

	private static List<String> valuesOf(List<String> arguments, String prefix) {
		return arguments.stream()
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.toList();
	}

	private static List<Peer> peers(List<String> arguments) {
		return arguments.stream()
			.filter((arg) -> arg.startsWith("--peers="))
			.findFirst()
			.map((arg) -> Arrays.stream(arg.substring("--peers=".length()).split(",")).map(Peer::valueOf).toList())
			.orElse(List.of(Peer.values()));
	}

	private static Path output(String mode) throws IOException {
		Path jar = Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		// target/classes or target/health-grpc-benchmarks.jar: either way, under target/;
		// a folder per run, so that one run's logs never overwrite another's.
		String run = mode + "-" + Instant.now().getEpochSecond();
		Path out = jar.toAbsolutePath().getParent().resolve("bench").resolve(run);
		Files.createDirectories(out);
		return out;
	}

}
