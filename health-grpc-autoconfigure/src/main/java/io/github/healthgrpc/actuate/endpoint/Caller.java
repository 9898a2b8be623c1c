package io.github.healthgrpc.actuate.endpoint;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * Who made a maintenance change, as the log line says it: the request's principal, or
 * that it is unknown. The name comes from the request (a header an authenticating filter
 * trusted, a certificate's subject), so its control characters are escaped: a newline in
 * it would otherwise start a log line of the caller's making.
 */
final class Caller {

	private Caller() {
	}

	/**
	 * The words that name the caller in a log line.
	 * @param principal the request's principal, if any
	 * @return {@code " by <name>"} with the name's control characters escaped, or
	 * {@code " (caller unknown)"}
	 */
	static String by(@Nullable Principal principal) {
		return (principal != null) ? " by " + escaped(principal.getName()) : " (caller unknown)";
	}

	static String escaped(@Nullable String name) {
		if (name == null) {
			return "null";
		}
		StringBuilder escaped = new StringBuilder(name.length());
		name.codePoints().forEach((c) -> {
			switch (c) {
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				case '\t' -> escaped.append("\\t");
				// Line and paragraph separators end a line in some log viewers, as a
				// newline does.
				default -> {
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
						escaped.append(String.format("\\u%04x", c));
					}
					else {
						escaped.appendCodePoint(c);
					}
				}
			}
		});
		return escaped.toString();
	}

}
