package io.github.healthgrpc.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's Markdown documentation as the docs tests read it: README.md, every page
 * under {@code docs/}, the READMEs of the samples, the benchmarks' results,
 * CONTRIBUTING.md and CHANGELOG.md, found from the module's directory (Maven runs the
 * tests there).
 */
final class Docs {

	static final Path ROOT = Path.of(System.getProperty("health-grpc.repo-root", "..")).toAbsolutePath().normalize();

	private Docs() {
	}

	/**
	 * README.md, every Markdown file under docs/, the other READMEs, CONTRIBUTING.md and
	 * CHANGELOG.md.
	 * @return the files, README.md first
	 */
	static List<Path> markdownFiles() {
		List<Path> files = new ArrayList<>();
		files.add(ROOT.resolve("README.md"));
		List.of("sample-app/README.md", "sample-app-spring-grpc/README.md", "benchmarks/RESULTS.md", "CONTRIBUTING.md",
				"CHANGELOG.md")
			.forEach((other) -> files.add(ROOT.resolve(other)));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String relative(Path file) {
		return ROOT.relativize(file).toString();
	}

	/**
	 * The fenced code blocks of a Markdown text.
	 * @param markdown the text
	 * @return every block with its language and first line
	 */
	static List<CodeBlock> codeBlocks(String markdown) {
		List<CodeBlock> blocks = new ArrayList<>();
		String[] lines = markdown.split("\n", -1);
		String language = null;
		int start = 0;
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.startsWith("```")) {
				if (language == null) {
					language = line.substring(3).trim();
					start = i + 2;
					body.setLength(0);
				}
				else {
					blocks.add(new CodeBlock(language, start, body.toString()));
					language = null;
				}
			}
			else if (language != null) {
				body.append(line).append('\n');
			}
		}
		return blocks;
	}

	/**
	 * The text outside fenced code blocks, with every line kept in place (code lines
	 * blanked), so that line numbers stay right.
	 * @param markdown the text
	 * @return the prose
	 */
	static String prose(String markdown) {
		StringBuilder prose = new StringBuilder();
		boolean code = false;
		for (String line : markdown.split("\n", -1)) {
			if (line.startsWith("```")) {
				code = !code;
				prose.append('\n');
			}
			else {
				prose.append(code ? "" : line).append('\n');
			}
		}
		return prose.toString();
	}

	/**
	 * A fenced code block.
	 *
	 * @param language what follows the opening fence, such as {@code yaml}
	 * @param line the line of the block's first line of code, from 1
	 * @param body the code
	 */
	record CodeBlock(String language, int line, String body) {

	}

}
