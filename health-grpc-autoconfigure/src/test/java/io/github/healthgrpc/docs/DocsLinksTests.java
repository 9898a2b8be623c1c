package io.github.healthgrpc.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in README.md and docs/ resolves: the file or folder exists, and an
 * {@code #anchor} names a heading of the target, slugged as GitHub slugs headings.
 */
class DocsLinksTests {

	// [text](target) and [text](target "title"); images too.
	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);

	@Test
	void everyRelativeLinkAndAnchorResolves() {
		List<String> broken = new ArrayList<>();
		int checked = 0;
		for (Path file : Docs.markdownFiles()) {
			String prose = Docs.prose(Docs.read(file));
			String[] lines = prose.split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				Matcher link = LINK.matcher(withoutInlineCode(lines[i]));
				while (link.find()) {
					String target = link.group(1);
					if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
						continue;
					}
					checked++;
					String problem = problem(file, target);
					if (problem != null) {
						broken.add(Docs.relative(file) + ":" + (i + 1) + ": " + target + ": " + problem);
					}
				}
			}
		}
		System.out.println("Docs links: " + checked + " relative links checked, " + broken.size() + " broken");
		assertThat(checked).isPositive();
		assertThat(broken).as("relative links that do not resolve").isEmpty();
	}

	@Test
	void slugsFollowGitHub() {
		assertThat(slug("`/actuator/grpchealth`")).isEqualTo("actuatorgrpchealth");
		assertThat(slug("Health on its own port")).isEqualTo("health-on-its-own-port");
		assertThat(slug("Spring Boot's servlet transport")).isEqualTo("spring-boots-servlet-transport");
		assertThat(slug("health+json")).isEqualTo("healthjson");
		assertThat(slug("Warm-up, drain & stop")).isEqualTo("warm-up-drain--stop");
	}

	private static String problem(Path file, String target) {
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
		if (!resolved.startsWith(Docs.ROOT)) {
			return "outside the repository";
		}
		if (!Files.exists(resolved)) {
			return "no such file";
		}
		if (anchor == null) {
			return null;
		}
		if (!resolved.toString().endsWith(".md")) {
			return "an anchor into a file that is not Markdown";
		}
		Set<String> anchors = anchors(Docs.read(resolved));
		return anchors.contains(anchor) ? null : "no heading with that anchor in " + Docs.relative(resolved);
	}

	// GitHub numbers repeated headings: the second "Example" is #example-1.
	static Set<String> anchors(String markdown) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher heading = HEADING.matcher(Docs.prose(markdown));
		while (heading.find()) {
			String slug = slug(heading.group(1));
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

	// GitHub: lower case, drop every character that is not a letter, digit, space, hyphen
	// or underscore (markup included), then spaces become hyphens.
	static String slug(String heading) {
		String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
		return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	private static String withoutInlineCode(String line) {
		return line.replaceAll("`[^`]*`", "``");
	}

}
