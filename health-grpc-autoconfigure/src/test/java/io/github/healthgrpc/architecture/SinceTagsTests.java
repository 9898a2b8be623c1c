package io.github.healthgrpc.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public top-level type of the published modules says since which version it
 * exists, in its Javadoc, as Spring Boot's types do. Read from the sources (Javadoc is
 * not in the class files), found from the module's directory (Maven runs the tests
 * there).
 */
class SinceTagsTests {

	private static final Path ROOT = Path.of(System.getProperty("health-grpc.repo-root", ".."))
		.toAbsolutePath()
		.normalize();

	private static final List<String> PUBLISHED_SOURCES = List.of("health-grpc-autoconfigure/src/main/java",
			"health-grpc-test/src/main/java");

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"^public (?:(?:final|abstract|sealed|non-sealed|static) )*(?:class|interface|enum|record|@interface) ",
			Pattern.MULTILINE);

	@Test
	void everyPublicTypeOfThePublishedModulesHasSince() throws IOException {
		List<String> types = new ArrayList<>();
		List<String> withoutSince = new ArrayList<>();
		for (String sources : PUBLISHED_SOURCES) {
			try (Stream<Path> files = Files.walk(ROOT.resolve(sources))) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
					String source = Files.readString(file);
					Matcher declaration = PUBLIC_TYPE.matcher(source);
					if (declaration.find()) {
						types.add(ROOT.relativize(file).toString());
						if (!typeJavadoc(source, declaration.start()).contains("@since ")) {
							withoutSince.add(ROOT.relativize(file).toString());
						}
					}
				}
			}
		}
		System.out.printf("Public types in the published modules: %d, without @since: %d%n", types.size(),
				withoutSince.size());
		assertThat(types).hasSizeGreaterThan(50);
		assertThat(withoutSince).as("public types without @since in their Javadoc").isEmpty();
	}

	// The last Javadoc comment before the declaration: annotations may stand between
	// them.
	private static String typeJavadoc(String source, int declaration) {
		int start = source.lastIndexOf("/**", declaration);
		int end = source.lastIndexOf("*/", declaration);
		return (start >= 0 && end > start) ? source.substring(start, end) : "";
	}

}
