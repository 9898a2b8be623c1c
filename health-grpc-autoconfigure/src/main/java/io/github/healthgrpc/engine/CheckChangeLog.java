package io.github.healthgrpc.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Logs a check's result when its status changes, not on every evaluation, so a check
 * that stays DOWN for a day writes one line, not thousands. A check that flaps writes at
 * most one line a second, which counts the changes it did not log. A check whose first
 * result is not UP is logged at INFO only: during warm-up that is usual (Spring Boot's
 * own liveness and readiness states start that way), and a later fall is what warns.
 */
final class CheckChangeLog {

	private static final Log logger = LogFactory.getLog(CheckRunner.class);

	private static final long MIN_NANOS_BETWEEN_LINES = TimeUnit.SECONDS.toNanos(1);

	private final Map<String, CheckLogState> states = new ConcurrentHashMap<>();

	void record(String checkName, Health health) {
		CheckLogState state = this.states.computeIfAbsent(checkName, (name) -> new CheckLogState());
		synchronized (state) {
			Status status = health.getStatus();
			Status previous = state.status;
			if (status.equals(previous)) {
				return;
			}
			state.status = status;
			long now = System.nanoTime();
			if (previous != null && now - state.loggedAt < MIN_NANOS_BETWEEN_LINES) {
				state.unlogged++;
				return;
			}
			String unlogged = (state.unlogged > 0) ? " (" + state.unlogged + " earlier changes not logged)" : "";
			state.unlogged = 0;
			state.loggedAt = now;
			log(checkName, health, previous, unlogged);
		}
	}

	private static void log(String checkName, Health health, @Nullable Status previous, String unlogged) {
		if (previous == null && !Status.UP.equals(health.getStatus())) {
			logger.info("Health check '" + checkName + "' starts " + health.getStatus() + describe(health));
		}
		else if (!Status.UP.equals(health.getStatus())) {
			logger.warn("Health check '" + checkName + "' is " + health.getStatus() + describe(health) + unlogged);
		}
		else if (previous != null) {
			logger.info("Health check '" + checkName + "' is UP again (was " + previous + ")" + unlogged);
		}
	}

	private static String describe(Health health) {
		return health.getDetails().isEmpty() ? " (no details)" : ": " + health.getDetails();
	}

	private static final class CheckLogState {

		private @Nullable Status status;

		private long loggedAt;

		private int unlogged;

	}

}
