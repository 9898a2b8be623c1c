package io.github.healthgrpc.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The health file's writer in a directory other users may write to: exact permissions
 * whatever the umask, and never a write through a symbolic link someone planted, before
 * or after the temporary file was created.
 */
class AtomicFileWriterTests {

	private static final byte[] CONTENT = "{\"status\":\"SERVING\"}\n".getBytes(StandardCharsets.UTF_8);

	@TempDir
	private Path directory;

	private Path file;

	// A file of the application's user that a planted link points to.
	private Path victim;

	@BeforeEach
	void files() throws IOException {
		assumeThat(this.directory.getFileSystem().supportedFileAttributeViews()).contains("posix");
		this.file = this.directory.resolve("health.json");
		this.victim = Files.writeString(this.directory.resolve("victim"), "precious\n");
	}

	@Test
	void theFileIsReadableByEveryUserEvenUnderAUmaskThatWouldMakeItOwnerOnly() throws Exception {
		Path plain = this.directory.resolve("plain");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder("sh", "-c", "umask 077 && exec \"$0\" -cp \"$1\" \"$2\" \"$3\" \"$4\"",
				java, System.getProperty("java.class.path"), WriteUnderUmask.class.getName(), this.file.toString(),
				plain.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		String plainPermissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
		String filePermissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(this.file));
		System.out
			.println("under umask 077: a plain file is " + plainPermissions + ", the health file " + filePermissions);
		// The umask was in force: a file whose permissions nobody sets is owner-only.
		assertThat(plainPermissions).isEqualTo("rw-------");
		assertThat(filePermissions).isEqualTo("rw-r--r--");
	}

	@Test
	void aTemporaryFileSwappedForALinkAfterItsCreationIsNeverWrittenThrough() throws IOException {
		new AtomicFileWriter(this.file).write("{\"status\":\"NOT_SERVING\"}\n".getBytes(StandardCharsets.UTF_8));
		// Another user's process, in a directory without the sticky bit, renames the new
		// temporary file away and puts a link to the victim in its place.
		AtomicFileWriter writer = new AtomicFileWriter(this.file, new Random(), (temporary) -> {
			try {
				Files.move(temporary, this.directory.resolve("taken"));
				Files.createSymbolicLink(temporary, this.victim);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Throwable thrown = catchThrowable(() -> writer.write(CONTENT));
		assertThat(this.victim).hasContent("precious");
		// Setting the permissions without following links (Java 17), or the check that
		// the name is still the file created (Java 25, which ignores a link's
		// permissions), gives up.
		assertThat(thrown).isInstanceOf(IOException.class);
		assertThat(this.file).hasContent("{\"status\":\"NOT_SERVING\"}");
		assertThat(temporaryFiles()).as("the link is removed, not left for the next write").isEmpty();
		// Written next time, when nobody interferes.
		new AtomicFileWriter(this.file).write(CONTENT);
		assertThat(this.file).hasBinaryContent(CONTENT);
		assertThat(this.victim).hasContent("precious");
	}

	@Test
	void aLinkPlantedAtTheNextTemporaryNameIsNotFollowedAndAnotherNameIsTaken() throws IOException {
		Path planted = this.directory
			.resolve(".health.json." + Long.toUnsignedString(new Random(42).nextLong()) + ".tmp");
		Files.createSymbolicLink(planted, this.victim);
		new AtomicFileWriter(this.file, new Random(42), (temporary) -> {
		}).write(CONTENT);
		assertThat(this.file).hasBinaryContent(CONTENT);
		assertThat(this.victim).hasContent("precious");
		assertThat(Files.isSymbolicLink(planted)).isTrue();
	}

	@Test
	void leftoversOfThisFileAreRemovedLinksWithoutFollowingThemAndNothingElse() throws IOException {
		Path[] leftovers = { Files.writeString(this.directory.resolve(".health.json.123.tmp"), "{\"sta"),
				Files.writeString(this.directory.resolve(".health.json.18446744073709551615.tmp"), ""),
				Files.createSymbolicLink(this.directory.resolve(".health.json.77.tmp"), this.victim) };
		Path[] others = { Files.writeString(this.directory.resolve(".health.json.backup.tmp"), "mine"),
				Files.writeString(this.directory.resolve(".health.json..tmp"), "mine"),
				Files.writeString(this.directory.resolve(".other.json.123.tmp"), "mine"),
				Files.writeString(this.directory.resolve("health.json.123.tmp"), "mine"),
				Files.createDirectory(this.directory.resolve(".health.json.5.tmp")) };
		assertThat(new AtomicFileWriter(this.file).removeLeftovers()).containsExactlyInAnyOrder(leftovers);
		assertThat(leftovers).allSatisfy((leftover) -> assertThat(leftover).doesNotExist());
		assertThat(others).allSatisfy((other) -> assertThat(other).exists());
		assertThat(this.victim).hasContent("precious");
	}

	private List<Path> temporaryFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((path) -> path.getFileName().toString().endsWith(".tmp")).toList();
		}
	}

}
