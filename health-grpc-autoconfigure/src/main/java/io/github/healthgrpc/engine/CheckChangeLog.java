package io.github.healthgrpc.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Logs a check's result when its status changes, not on every evaluation, so a check
 * that stays DOWN for a day writes one line, not thousands.
 */
final class CheckChangeLog {

	private static final Log logger = LogFactory.getLog(CheckRunner.class);

	private final Map<String, Status> lastStatus = new ConcurrentHashMap<>();

	void record(String checkName, Health health) {
		Status status = health.getStatus();
		Status previous = this.lastStatus.put(checkName, status);
		if (status.equals(previous)) {
			return;
		}
		if (Status.UP.equals(status)) {
			if (previous != null) {
				logger.info("Health check '" + checkName + "' is UP again (was " + previous + ")");
			}
		}
		else {
			logger.warn("Health check '" + checkName + "' is " + status + ": " + health.getDetails());
		}
	}

}
