package io.github.healthgrpc.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A program outside the JVM that the interop tests run (node, go and what they build),
 * with its output read from a file, never from an unread pipe whose full buffer would
 * block it.
 *
 * @param exitCode the program's exit code
 * @param printed what it printed, standard error included
 */
record ExternalCommand(int exitCode, String printed) {

	/**
	 * Run a program to its end.
	 * @param command the program and its arguments
	 * @param directory the working directory
	 * @param environment variables to add to this JVM's environment
	 * @param timeoutSeconds how long it may take before the test fails
	 * @return its exit code and output
	 */
	static ExternalCommand run(List<String> command, Path directory, Map<String, String> environment,
			int timeoutSeconds) throws IOException, InterruptedException {
		Path output = Files.createTempFile("external-command", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail(command + " did not finish within " + timeoutSeconds + "s:\n" + Files.readString(output));
			}
			return new ExternalCommand(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/**
	 * Whether a program is installed: it runs and exits with 0.
	 * @param command the program and its arguments, such as {@code node --version}
	 * @return whether it ran
	 */
	static boolean runs(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
