package io.github.healthgrpc.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit a run measured: {@code git rev-parse HEAD} in the working directory, and
 * whether the tree had changes not committed ({@code git status --porcelain}), which the
 * commit alone would not reproduce.
 */
final class Commit {

	private Commit() {
	}

	/**
	 * The commit of a working tree, as the report states it.
	 * @param tree the working tree
	 * @return the commit and whether the tree is dirty, or why it is unknown
	 */
	static String of(Path tree) {
		try {
			String head = git(tree, "rev-parse", "HEAD").strip();
			String changes = git(tree, "status", "--porcelain");
			return "`" + head + "`, " + (changes.isBlank() ? "clean tree"
					: "**dirty tree** (" + changes.lines().count() + " paths changed or not tracked)");
		}
		catch (IOException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown (interrupted)";
		}
	}

	private static String git(Path tree, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("git", "-C", tree.toString()));
		command.addAll(List.of(arguments));
		Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = git.getInputStream().readAllBytes();
		if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
			git.destroyForcibly();
			throw new IOException("git " + String.join(" ", arguments) + " failed: "
					+ new String(output, StandardCharsets.UTF_8).strip());
		}
		return new String(output, StandardCharsets.UTF_8);
	}

}
