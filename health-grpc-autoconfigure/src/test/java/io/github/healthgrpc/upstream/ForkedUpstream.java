package io.github.healthgrpc.upstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.server.TestGrpcServer;

/**
 * An upstream application in a JVM of its own, so that a test can kill it as the kernel
 * does (SIGKILL: no drain, no GOAWAY, the sockets closed by the kernel). Its overall
 * status is SERVING once it is ready. The JVM runs {@link #main(String[])} with this
 * test's class path, prints its port once its server listens, and exits when its standard
 * input ends, so that it cannot outlive the test JVM.
 */
final class ForkedUpstream implements AutoCloseable {

	private static final String PORT_LINE = "upstream port ";

	private final Process process;

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private volatile long listeningSince;

	private ForkedUpstream(Process process) {
		this.process = process;
		Thread output = new Thread(this::readOutput, "forked-upstream-output-" + process.pid());
		output.setDaemon(true);
		output.start();
	}

	/**
	 * Start an upstream on the given server.
	 * @param server the gRPC server it runs
	 * @param port the port it listens on, {@code 0} for any free one
	 * @return the upstream, starting
	 * @throws IOException if the JVM cannot be started
	 */
	static ForkedUpstream start(TestGrpcServer server, int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// A short-lived JVM: C1 alone and the serial collector start it soonest.
		List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), ForkedUpstream.class.getName(), server.name(),
				Integer.toString(port));
		return new ForkedUpstream(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/**
	 * The port the upstream listens on, waiting for it to start.
	 * @return the port
	 * @throws Exception if it did not start within 60 seconds
	 */
	int port() throws Exception {
		return this.port.get(60, TimeUnit.SECONDS);
	}

	/**
	 * When the upstream said it listens, waiting for it to start.
	 * @return the moment, as {@link System#nanoTime()}
	 * @throws Exception if it did not start within 60 seconds
	 */
	long listeningSince() throws Exception {
		port();
		return this.listeningSince;
	}

	/**
	 * Kill the upstream with SIGKILL and wait for it to be gone.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith(PORT_LINE)) {
					this.listeningSince = System.nanoTime();
					this.port.complete(Integer.parseInt(line.substring(PORT_LINE.length())));
				}
				else {
					System.out.println("[upstream " + this.process.pid() + "] " + line);
				}
			}
		}
		catch (IOException ex) {
			// The process is gone.
		}
		this.port.completeExceptionally(new IllegalStateException("The upstream's JVM ended before it listened"));
	}

	/**
	 * Run an upstream application until standard input ends.
	 * @param args the server ({@code DEVH} or {@code BOOT}) and the port ({@code 0} for
	 * any)
	 * @throws IOException if standard input cannot be read
	 */
	public static void main(String[] args) throws IOException {
		TestGrpcServer server = TestGrpcServer.valueOf(args[0]);
		// Each server ignores the other's port property.
		TestGrpcServer.Started started = server.start(EndToEndApplications.Plain.class, "grpc.server.port=" + args[1],
				"spring.grpc.server.port=" + args[1], "grpc.health.shutdown.drain-delay=0ms",
				"logging.level.root=WARN");
		System.out.println(PORT_LINE + started.port());
		System.out.flush();
		while (System.in.read() != -1) {
			// Wait for the test JVM to go away.
		}
		System.exit(0);
	}

}
