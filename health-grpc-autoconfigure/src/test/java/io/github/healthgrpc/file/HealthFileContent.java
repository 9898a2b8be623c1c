package io.github.healthgrpc.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/**
 * The health file as a probe reads it: its bytes, parsed by a strict JSON parser and
 * checked for every member the README promises, so that a document cut short, empty or
 * missing a member is told apart from a whole one.
 *
 * @param status the overall status
 * @param time the time of writing
 * @param services the status of every service by name
 */
public record HealthFileContent(String status, Instant time, Map<String, Object> services) {

	/**
	 * Read and check the file.
	 * @param path the file
	 * @return its content
	 * @throws IOException if it cannot be read
	 * @throws IllegalStateException if it is not a whole health document
	 */
	public static HealthFileContent read(Path path) throws IOException {
		return parse(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
	}

	/**
	 * Check a document.
	 * @param json the document as read
	 * @return its content
	 * @throws IllegalStateException if it is not a whole health document
	 */
	@SuppressWarnings("unchecked")
	static HealthFileContent parse(String json) {
		if (!json.endsWith("}\n")) {
			throw new IllegalStateException("Not a whole document: " + shown(json));
		}
		try {
			// The strict parser refuses the new line a shell wants at the end.
			Object parsed = new JSONParser(JSONParser.MODE_STRICTEST).parse(json.substring(0, json.length() - 1));
			if (!(parsed instanceof Map<?, ?> document) || document.size() != 3
					|| !(document.get("status") instanceof String status)
					|| !(status.equals("SERVING") || status.equals("NOT_SERVING"))
					|| !(document.get("time") instanceof String time)
					|| !(document.get("services") instanceof Map<?, ?> services) || !services.containsKey("")
					|| !services.get("").equals(status)) {
				throw new IllegalStateException("Not a health document: " + shown(json));
			}
			return new HealthFileContent(status, Instant.parse(time), (Map<String, Object>) services);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Not JSON: " + shown(json), ex);
		}
	}

	private static String shown(String json) {
		int end = json.length();
		return end + " characters, ending '" + json.substring(Math.max(0, end - 40)) + "'";
	}

}
