package io.github.healthgrpc.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a JVM of its own, started under a restrictive umask (a JVM cannot change its
 * own): writes the health file's way to the first path, and a plain file to the second,
 * which shows what the umask makes of a file nobody sets the permissions of.
 */
final class WriteUnderUmask {

	private WriteUnderUmask() {
	}

	public static void main(String[] args) throws Exception {
		new AtomicFileWriter(Path.of(args[0])).write("{}\n".getBytes(StandardCharsets.UTF_8));
		Files.writeString(Path.of(args[1]), "plain\n");
	}

}
