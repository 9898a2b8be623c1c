package io.github.healthgrpc.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the sample as a JVM of its own, as it runs in production, so that a test can
 * stop it with a real SIGTERM ({@link Process#destroy()} on Unix). It runs alone
 * ({@link SampleServer#aloneProperties()}).
 */
final class SampleJvm {

	private SampleJvm() {
	}

	/**
	 * Start the sample on the given loopback gRPC port, its output going to a file.
	 * @param grpcPort the gRPC port, which must be free
	 * @param log the file for the sample's output
	 * @param args more command-line arguments, such as
	 * {@code --sample.pricing.address=...}
	 */
	static Process start(int grpcPort, Path log, String... args) throws IOException {
		return start(grpcPort, 0, log, args);
	}

	/**
	 * Start the sample on the given loopback gRPC port and HTTP port, its output going to
	 * a file.
	 * @param grpcPort the gRPC port, which must be free
	 * @param httpPort the HTTP port ({@code /actuator/health}), which must be free; 0 for
	 * any
	 * @param log the file for the sample's output
	 * @param args more command-line arguments, such as
	 * {@code --sample.pricing.address=...}
	 */
	static Process start(int grpcPort, int httpPort, Path log, String... args) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// Surefire may hand the test JVM a manifest-only jar: its real class path is
		// here.
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		SampleServer sample = SampleServer.get();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
				sample.applicationClass().getName()));
		command.addAll(sample.grpcServerArguments(grpcPort));
		command.addAll(sample.aloneArguments());
		command.addAll(List.of("--server.port=" + httpPort, "--spring.main.banner-mode=off"));
		command.addAll(List.of(args));
		Files.createDirectories(log.toAbsolutePath().getParent());
		// Output to a file, never to an unread pipe whose full buffer would block the
		// child.
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

}
