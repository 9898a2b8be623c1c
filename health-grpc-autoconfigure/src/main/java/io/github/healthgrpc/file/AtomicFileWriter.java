package io.github.healthgrpc.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Replaces a file's content in one step: the content goes to a temporary file in the same
 * directory, which is then moved over the file atomically, so that a reader sees either
 * the old content or the new, never a file cut short or empty.
 *
 * <p>
 * The directory may be shared with other users (a {@code /tmp} without the sticky bit, a
 * volume): the temporary file has a random name and is created new ({@code O_EXCL}, so
 * never through a symbolic link planted there), and the content goes through the channel
 * that created it, never by opening the name again, which someone could have swapped for
 * a link meanwhile. Its permissions are set to {@code rw-r--r--} whatever the umask,
 * without following a link. Temporary files that a crash left behind are removed by
 * {@link #removeLeftovers()}.
 *
 * <p>
 * Written by hand because the JDK has the atomic move but no helper around it. The
 * content is not forced to disk: readers are processes of the same host (exec probes), to
 * which a rename is visible at once, and a sync on every change would slow the listener
 * for nothing.
 */
final class AtomicFileWriter {

	// Readable by every user, as a file written in place would be under the usual umask:
	// a probe or sidecar may run as another user. Set after creation too, since the umask
	// takes bits away from the ones asked at creation (077 would leave rw-------).
	private static final Set<PosixFilePermission> PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

	private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
			LinkOption.NOFOLLOW_LINKS);

	// A name taken by someone else is tried again under another; this many taken in a row
	// is no coincidence.
	private static final int ATTEMPTS = 100;

	private final Path path;

	private final Path directory;

	private final boolean posix;

	private final FileAttribute<?>[] attributes;

	private final TemporaryName names;

	private final Consumer<Path> created;

	/**
	 * Create a writer for the given file.
	 * @param path the absolute path of the file to write
	 */
	AtomicFileWriter(Path path) {
		this(path, new SecureRandom(), (temporary) -> {
		});
	}

	/**
	 * Create a writer for the given file, for tests.
	 * @param path the absolute path of the file to write
	 * @param random where the temporary files' names come from
	 * @param created told of each temporary file once it is created and before anything
	 * is written to it, where another user's process could swap it
	 */
	AtomicFileWriter(Path path, RandomGenerator random, Consumer<Path> created) {
		this.path = path;
		Path directory = path.getParent();
		Assert.notNull(directory, () -> "The health file " + path + " must be in a directory");
		this.directory = directory;
		this.posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
		this.attributes = this.posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PERMISSIONS) }
				: new FileAttribute<?>[0];
		this.names = new TemporaryName(path.getFileName().toString(), random);
		this.created = created;
	}

	/**
	 * Replace the file's content.
	 * @param content the new content
	 * @throws IOException if the directory cannot be written
	 */
	void write(byte[] content) throws IOException {
		Path temporary = null;
		try {
			Object identity;
			try (Created file = create()) {
				temporary = file.path();
				identity = file.identity();
				this.created.accept(temporary);
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					file.channel().write(buffer);
				}
			}
			if (this.posix) {
				// By name, so never through a link: a temporary file swapped for one
				// fails here.
				Files.getFileAttributeView(temporary, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
					.setPermissions(PERMISSIONS);
			}
			// Some JDKs (25) quietly ignore the permissions of a link instead of failing,
			// so the name is checked to still be the file created: never move a link over
			// the file.
			requireSameFile(temporary, identity);
			Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			if (temporary != null) {
				Files.deleteIfExists(temporary);
			}
			throw ex;
		}
	}

	/**
	 * Remove the temporary files of this file that a process stopped in the middle of a
	 * write left behind (a crash, a kill), and only those: names of the form
	 * {@code .<file name>.<digits>.tmp}. A link among them is removed, never followed.
	 * @return the files removed
	 * @throws IOException if the directory cannot be read
	 */
	List<Path> removeLeftovers() throws IOException {
		List<Path> removed = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory,
				(entry) -> this.names.matches(entry.getFileName().toString()))) {
			for (Path entry : entries) {
				if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(entry)) {
					removed.add(entry);
				}
			}
		}
		return removed;
	}

	Path path() {
		return this.path;
	}

	private void requireSameFile(Path temporary, Object identity) throws IOException {
		BasicFileAttributes now = Files.readAttributes(temporary, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		if (!now.isRegularFile() || !identity.equals(identity(now))) {
			throw new IOException("The temporary file " + temporary + " was replaced after it was created, by another "
					+ "process that can write to its directory; it is not moved over " + this.path
					+ ". Keep the health file in a directory only this application's user can write");
		}
	}

	// The file key (device and inode on Unix) where the file system has one, else the
	// creation time: what tells the created file from one put in its place under its
	// name.
	private static Object identity(BasicFileAttributes attributes) {
		Object key = attributes.fileKey();
		return (key != null) ? key : attributes.creationTime();
	}

	private Created create() throws IOException {
		for (int attempt = 1;; attempt++) {
			Path temporary = this.directory.resolve(this.names.next());
			try {
				SeekableByteChannel channel = Files.newByteChannel(temporary, CREATE_NEW, this.attributes);
				try {
					return new Created(temporary, channel, identity(
							Files.readAttributes(temporary, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
				}
				catch (IOException ex) {
					channel.close();
					throw ex;
				}
			}
			catch (FileAlreadyExistsException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A temporary file just created, the channel that created it, and what identifies it.
	 */
	private record Created(Path path, SeekableByteChannel channel, Object identity) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

	/**
	 * The names of a file's temporary files, {@code .<file name>.<digits>.tmp}, as
	 * {@link Files#createTempFile} makes them, hidden from a plain {@code ls}.
	 */
	private static final class TemporaryName {

		private static final String SUFFIX = ".tmp";

		private final String prefix;

		private final RandomGenerator random;

		TemporaryName(String fileName, RandomGenerator random) {
			this.prefix = "." + fileName + ".";
			this.random = random;
		}

		String next() {
			return this.prefix + Long.toUnsignedString(this.random.nextLong()) + SUFFIX;
		}

		boolean matches(@Nullable String name) {
			if (name == null || !name.startsWith(this.prefix) || !name.endsWith(SUFFIX)
					|| name.length() == this.prefix.length() + SUFFIX.length()) {
				return false;
			}
			return name.substring(this.prefix.length(), name.length() - SUFFIX.length())
				.chars()
				.allMatch((c) -> c >= '0' && c <= '9');
		}

	}

}
