package io.github.healthgrpc.benchmarks.processes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.benchmarks.peer.PeerControl;
import io.github.healthgrpc.benchmarks.peer.ThreadCpu;

/**
 * One peer running in a JVM of its own: started with its part of the class path, its
 * output copied to a log file while the harness picks out the lines meant for it, its
 * standard input the harness's control line, stopped with a real SIGTERM.
 */
public final class PeerProcess implements AutoCloseable {

	private static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

	private final Peer peer;

	private final Process process;

	private final Writer control;

	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

	private final long contextMillis;

	private final StartCost startCost;

	private PeerProcess(Peer peer, Process process, Path log) throws IOException {
		this.peer = peer;
		this.process = process;
		this.control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
		Thread copier = new Thread(() -> copy(log), "log-" + peer.name());
		copier.setDaemon(true);
		copier.start();
		String ready = answer("ready", Duration.ofSeconds(90));
		String[] fields = ready.split(" ");
		this.contextMillis = Long.parseLong(fields[1]);
		this.startCost = StartCost.parse(fields);
	}

	/**
	 * Start a peer and wait until it says it is ready.
	 * @param peer which peer
	 * @param launcher the class path and JVM options
	 * @param arguments its command line after its main class
	 * @param log its log file
	 */
	static PeerProcess start(Peer peer, PeerLauncher launcher, List<String> arguments, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(JVM_OPTIONS);
		command.addAll(launcher.extraJvmOptions());
		command.addAll(List.of("-cp", launcher.classPath().forPeer(peer), peer.mainClass().getName()));
		command.addAll(arguments);
		Files.createDirectories(log.toAbsolutePath().getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			return new PeerProcess(peer, process, log);
		}
		catch (RuntimeException | IOException ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	private void copy(Path log) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				out.write(line);
				out.write('\n');
				if (line.startsWith(PeerControl.PREFIX)) {
					this.answers.add(line.substring(PeerControl.PREFIX.length()));
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// The peer ended: nothing more to copy.
		}
	}

	private String answer(String kind, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				String line = this.answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (line == null) {
					throw new IllegalStateException(this.peer.label() + " did not answer '" + kind + "' within "
							+ timeout + (this.process.isAlive() ? ""
									: " (it exited with " + this.process.exitValue() + ", see its log)"));
				}
				if (line.startsWith(kind + " ") || line.equals(kind)) {
					return line;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Send one command line.
	 * @param command such as {@code down}
	 */
	public void send(String command) throws IOException {
		this.control.write(command + "\n");
		this.control.flush();
	}

	/**
	 * The peer's heap in use after garbage collection.
	 * @return bytes
	 */
	public long heapAfterGc() throws IOException {
		return Long.parseLong(ask("heap").split(" ")[1]);
	}

	/**
	 * Send one command and wait for its answer.
	 * @param command such as {@code calls}
	 * @return the answer's line, which starts with the command
	 */
	public String ask(String command) throws IOException {
		send(command);
		return answer(command, Duration.ofSeconds(60));
	}

	/**
	 * The CPU time the peer's process has used so far, by thread group.
	 * @return the sample
	 */
	public ThreadCpu.Sample threadCpu() {
		try {
			return ThreadCpu.Sample.decode(ask("threads").substring("threads ".length()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The CPU time the peer's process has used so far, from {@code /proc/<pid>/stat} on
	 * Linux (what {@link ProcessHandle.Info#totalCpuDuration()} reads).
	 * @return CPU time in nanoseconds
	 */
	public long cpuNanos() {
		return this.process.toHandle()
			.info()
			.totalCpuDuration()
			.orElseThrow(() -> new IllegalStateException("This platform does not report a process's CPU time"))
			.toNanos();
	}

	/**
	 * How long the peer's application context (or bare server) took to start.
	 */
	public long contextMillis() {
		return this.contextMillis;
	}

	/**
	 * What the peer's start cost, as it counted it when ready.
	 */
	public StartCost startCost() {
		return this.startCost;
	}

	public Process process() {
		return this.process;
	}

	/**
	 * Send SIGTERM (what {@link Process#destroy()} does on Unix).
	 */
	public void terminate() {
		this.process.destroy();
	}

	/**
	 * Kill the peer at once (SIGKILL), for a peer started only to time its start.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Stop the peer with SIGTERM, so that a JFR recording it makes is written, and kill
	 * it if it has not exited after its drain and grace period.
	 */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(Peer.DRAIN_MILLIS + Peer.GRACE_MILLIS + 5_000, TimeUnit.MILLISECONDS)) {
			kill();
		}
	}

}
