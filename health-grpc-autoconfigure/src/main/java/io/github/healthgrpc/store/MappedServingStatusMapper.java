package io.github.healthgrpc.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Status;

/**
 * A {@link ServingStatusMapper} from a map of status codes, over the default rule (UP is
 * SERVING, everything else NOT_SERVING). Unlike Spring Boot's HTTP mapping, where the
 * user's map replaces the defaults, the defaults stay for codes the map leaves out:
 * mapping OUT_OF_SERVICE alone must not make UP NOT_SERVING.
 */
final class MappedServingStatusMapper implements ServingStatusMapper {

	static final MappedServingStatusMapper DEFAULT = new MappedServingStatusMapper(Map.of());

	private final Map<String, ServingState> mappings = new LinkedHashMap<>();

	MappedServingStatusMapper(Map<String, ServingState> mappings) {
		this.mappings.put(uniform(Status.UP.getCode()), ServingState.SERVING);
		for (Map.Entry<String, ServingState> mapping : mappings.entrySet()) {
			this.mappings.put(uniform(mapping.getKey()), mapping.getValue());
		}
	}

	@Override
	public ServingState map(Status status) {
		return this.mappings.getOrDefault(uniform(status.getCode()), ServingState.NOT_SERVING);
	}

	// Spring Boot's uniform code for status mappings: only letters and digits, lower
	// case. A loop, not a stream: it runs for every result recorded.
	private static String uniform(String code) {
		StringBuilder uniform = new StringBuilder(code.length());
		int i = 0;
		while (i < code.length()) {
			int codePoint = code.codePointAt(i);
			if (Character.isLetterOrDigit(codePoint)) {
				uniform.appendCodePoint(Character.toLowerCase(codePoint));
			}
			i += Character.charCount(codePoint);
		}
		return uniform.toString();
	}

}
