package io.github.healthgrpc.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.health.contributor.Health;

/**
 * Warns when a check's result cannot be recorded as it is (the serving status mapper
 * throws on its status, or its details throw when rendered), so that it counts as DOWN.
 * Once per failure, not once per evaluation: a check whose every result fails so writes
 * one line, and another when a result of it records again.
 */
final class RecordingFailureLog {

	private static final Log logger = LogFactory.getLog(CheckRunner.class);

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	void failed(String checkName, String reason) {
		if (this.failing.add(checkName)) {
			logger.warn("Health check '" + checkName + "' counts as DOWN: its result could not be recorded (" + reason
					+ "). It keeps running on its schedule; this is logged again only after a result of "
					+ "it records");
		}
	}

	void recorded(String checkName, Health health) {
		if (this.failing.remove(checkName)) {
			logger.info("Health check '" + checkName + "' records its results again: it is " + health.getStatus());
		}
	}

	void forget(String checkName) {
		this.failing.remove(checkName);
	}

}
