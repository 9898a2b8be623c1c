package io.github.healthgrpc.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's content in one step: the content goes to a temporary file in the same
 * directory, which is then moved over the file atomically, so that a reader sees either
 * the old content or the new, never a file cut short or empty.
 *
 * <p>Written by hand because the JDK has the atomic move but no helper around it. The
 * content is not forced to disk: readers are processes of the same host (exec probes), to
 * which a rename is visible at once, and a sync on every change would slow the listener
 * for nothing.
 */
final class AtomicFileWriter {

	// Readable by every user (rw-r--r--), as a file written in place would be: a temporary
	// file is owner-only by default, and a probe or sidecar may run as another user.
	private static final String PERMISSIONS = "rw-r--r--";

	private final Path path;

	private final Path directory;

	private final FileAttribute<?>[] attributes;

	/**
	 * Create a writer for the given file.
	 * @param path the absolute path of the file to write
	 */
	AtomicFileWriter(Path path) {
		this.path = path;
		this.directory = path.getParent();
		this.attributes = path.getFileSystem().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(PERMISSIONS)) }
				: new FileAttribute<?>[0];
	}

	/**
	 * Replace the file's content.
	 * @param content the new content
	 * @throws IOException if the directory cannot be written
	 */
	void write(byte[] content) throws IOException {
		Path temporary = Files.createTempFile(this.directory, "." + this.path.getFileName() + ".", ".tmp",
				this.attributes);
		try {
			Files.write(temporary, content);
			Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temporary);
			throw ex;
		}
	}

	Path path() {
		return this.path;
	}

}
