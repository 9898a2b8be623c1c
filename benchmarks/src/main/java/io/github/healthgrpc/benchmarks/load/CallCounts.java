package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.github.healthgrpc.benchmarks.processes.PeerProcess;

/**
 * The calls a peer has counted so far (its answer to {@code calls}), by
 * {@code method.caller}, such as {@code Watch.upstream}.
 */
final class CallCounts {

	private final Map<String, long[]> counts = new HashMap<>();

	private CallCounts(String answer) {
		for (String entry : answer.split(" ")) {
			int equals = entry.indexOf('=');
			int slash = entry.indexOf('/', equals);
			if (equals > 0 && slash > equals) {
				this.counts.put(entry.substring(0, equals),
						new long[] { Long.parseLong(entry.substring(equals + 1, slash)),
								Long.parseLong(entry.substring(slash + 1)) });
			}
		}
	}

	static CallCounts of(PeerProcess process) throws IOException {
		return new CallCounts(process.ask("calls"));
	}

	/**
	 * Calls started so far.
	 */
	long started(String key) {
		return this.counts.getOrDefault(key, new long[2])[0];
	}

	/**
	 * Calls open now.
	 */
	long open(String key) {
		return this.counts.getOrDefault(key, new long[2])[1];
	}

}
