package io.github.healthgrpc.benchmarks.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The harness's line to a peer: commands on the peer's standard input, answers on its
 * standard output as lines starting with {@value #PREFIX}, which the harness picks out of
 * the peer's log. Standard input needs no port, no JMX agent and nothing on the peer's
 * class path that its users would not have.
 *
 * <p>
 * Commands: {@code heap} (collect garbage, then answer the heap in use, the direct memory
 * in use and the resident set size: see {@link Memory}), {@code up} and {@code down} (set
 * the manual check, where the peer has one, and answer the {@link WallClock} moment just
 * before it was set), {@code saw <micros> <up|down>} (answer when the first run of the
 * {@code pricing} check that started at or after that moment found the dependency up or
 * down: see {@link PricingRuns}), {@code calls} (answer the calls counted so far, where
 * the peer counts them: see {@link CallCounter}), {@code threads} (answer the process's
 * CPU time by thread group: see {@link ThreadCpu}). An answer that needs the question
 * repeats it, so that the harness knows which question it answers.
 */
public final class PeerControl {

	/**
	 * The start of every line meant for the harness.
	 */
	public static final String PREFIX = "@bench ";

	private PeerControl() {
	}

	/**
	 * Tell the harness that the peer is ready, and start serving its commands.
	 * @param contextMillis how long the peer took to start (its application context, or
	 * its server for a peer without one)
	 * @param manual sets the manual check ({@code true} for up), or {@code null}
	 * @param calls the calls counted so far, or {@code null}
	 */
	public static void ready(long contextMillis, @Nullable Consumer<Boolean> manual, @Nullable Supplier<String> calls) {
		ready(contextMillis, StartupFacts.of(null, null), manual, calls);
	}

	/**
	 * Tell the harness that the peer is ready, with what its start cost: the ready line
	 * is {@code ready <context ms> <uptime ms> <classes> <bean definitions> <CPU ns>
	 * <health-grpc's bean steps ns> <main thread CPU ns> <JIT ms>}.
	 */
	static void ready(long contextMillis, StartupFacts facts, @Nullable Consumer<Boolean> manual,
			@Nullable Supplier<String> calls) {
		Thread reader = new Thread(() -> serve(manual, calls), "bench-control");
		reader.setDaemon(true);
		reader.start();
		say("ready " + contextMillis + " " + ManagementFactory.getRuntimeMXBean().getUptime() + " " + facts.line());
	}

	private static void serve(@Nullable Consumer<Boolean> manual, @Nullable Supplier<String> calls) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.strip();
				switch (command) {
					case "" -> {
						// Nothing asked.
					}
					case "heap" -> say("heap " + Memory.afterGc());
					case "up", "down" -> {
						if (manual != null) {
							// Stamped just before the status is set: what follows is the
							// push alone.
							long set = WallClock.micros();
							manual.accept("up".equals(command));
							say(command + " " + set);
						}
						else {
							say("unknown " + line);
						}
					}
					case "threads" -> say("threads " + ThreadCpu.sample().encode());
					case "calls" -> say((calls != null) ? "calls " + calls.get() : "unknown " + line);
					default -> say(command.startsWith("saw ") ? saw(command) : "unknown " + line);
				}
			}
		}
		catch (IOException ex) {
			// The harness went away: nothing more to serve.
		}
	}

	private static String saw(String command) {
		String[] words = command.split(" ");
		PricingRuns.Run run = PricingRuns.firstSince(Long.parseLong(words[1]), "up".equals(words[2]));
		return command + ((run != null) ? " " + run.startMicros() + " " + run.endMicros() : " none");
	}

	private static void say(String line) {
		System.out.println(PREFIX + line);
		System.out.flush();
	}

}
