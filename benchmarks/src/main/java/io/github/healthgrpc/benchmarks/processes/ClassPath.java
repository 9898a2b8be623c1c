package io.github.healthgrpc.benchmarks.processes;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmarks' own class path, and the part of it that one peer is started with.
 *
 * <p>
 * Run from the packaged jar ({@code java -jar}), the class path is the module's
 * {@code target/classes} and the libraries beside the jar in {@code lib/}: the jar itself
 * names every library in its manifest, which would bring back to a peer what it must go
 * without. Run from Maven or an IDE, it is the JVM's.
 */
public final class ClassPath {

	// artifactId-version.jar, where the version starts with a digit.
	private static final Pattern JAR = Pattern.compile("(.+?)-\\d[^/]*\\.jar");

	private final List<Path> entries;

	ClassPath(List<Path> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * The class path of this JVM.
	 */
	public static ClassPath current() {
		String value = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<Path> entries = new ArrayList<>(Stream.of(value.split(File.pathSeparator)).map(Path::of).toList());
		if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
			Path target = entries.get(0).toAbsolutePath().getParent();
			entries.set(0, target.resolve("classes"));
			entries.addAll(libraries(target.resolve("lib")));
		}
		return new ClassPath(entries);
	}

	private static List<Path> libraries(Path directory) {
		try (Stream<Path> jars = Files.list(directory)) {
			return jars.filter((jar) -> jar.toString().endsWith(".jar")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No libraries beside the benchmarks jar in " + directory
					+ ": build it with ./mvnw -B -pl benchmarks -am package -DskipTests", ex);
		}
	}

	/**
	 * The class path of one peer: every entry but the groups it goes without and the
	 * harness's tools.
	 */
	String forPeer(Peer peer) {
		return this.entries.stream()
			.filter((entry) -> peer.without().stream().noneMatch((group) -> group.contains(artifactId(entry))))
			.filter((entry) -> !Libraries.HARNESS.contains(artifactId(entry)))
			.map(Path::toString)
			.reduce((a, b) -> a + File.pathSeparator + b)
			.orElseThrow();
	}

	/**
	 * The artifact an entry holds: the jar's name without its version, or the module of a
	 * {@code target/classes} directory.
	 */
	static String artifactId(Path entry) {
		String name = entry.getFileName().toString();
		Matcher jar = JAR.matcher(name);
		if (jar.matches()) {
			return jar.group(1);
		}
		Path parent = entry.getParent();
		if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("target")
				&& parent.getParent() != null) {
			return parent.getParent().getFileName().toString();
		}
		return name;
	}

}
