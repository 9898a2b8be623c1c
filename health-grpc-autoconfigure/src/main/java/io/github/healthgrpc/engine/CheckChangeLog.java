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
 * Logs a check's result when its status changes, not on every evaluation, so a check that
 * stays DOWN for a day writes one line, not thousands. A check that flaps writes at most
 * one line a second, which counts the changes it did not log. A check whose first result
 * is not UP is logged at INFO only: during warm-up that is usual (Spring Boot's own
 * liveness and readiness states start that way), and a later fall is what warns, except
 * during the shutdown drain, when readiness and the resources being closed fall on
 * purpose and a fall is logged at INFO.
 */
final class CheckChangeLog {

	private static final Log logger = LogFactory.getLog(CheckRunner.class);

	private static final long MIN_NANOS_BETWEEN_LINES = TimeUnit.SECONDS.toNanos(1);

	private final Map<String, CheckLogState> states = new ConcurrentHashMap<>();

	void record(String checkName, Health health, boolean shuttingDown) {
		CheckLogState state = state(checkName);
		synchronized (state) {
			Status status = health.getStatus();
			Status previous = state.status;
			long now = System.nanoTime();
			if (previous != null && previous.equals(status)) {
				if (state.unlogged > 0 && now - state.loggedAt >= MIN_NANOS_BETWEEN_LINES) {
					// The flapping stopped: say where it settled, or the last line would
					// be stale.
					logSettled(checkName, health, state, now);
				}
				return;
			}
			if (state.logged && now - state.loggedAt < MIN_NANOS_BETWEEN_LINES) {
				state.status = status;
				state.unlogged++;
				return;
			}
			String unlogged = (state.unlogged > 0) ? " (" + state.unlogged + " earlier changes not logged)" : "";
			// Worded before the state changes: details that throw when rendered leave it
			// as it was, so the result recorded in their place is logged as the change.
			Line line = line(checkName, health, previous, unlogged, shuttingDown);
			state.status = status;
			if (line != null) {
				line.write();
				state.unlogged = 0;
				state.loggedAt = now;
				state.logged = true;
			}
		}
	}

	// As computeIfAbsent would, without a lambda: this runs for every result recorded.
	private CheckLogState state(String checkName) {
		CheckLogState state = this.states.get(checkName);
		if (state != null) {
			return state;
		}
		CheckLogState created = new CheckLogState();
		state = this.states.putIfAbsent(checkName, created);
		return (state != null) ? state : created;
	}

	void forget(String checkName) {
		this.states.remove(checkName);
	}

	// The line to write, if any: a first result that is UP is not news.
	private static @Nullable Line line(String checkName, Health health, @Nullable Status previous, String unlogged,
			boolean shuttingDown) {
		if (previous == null && !Status.UP.equals(health.getStatus())) {
			return new Line(false, "Health check '" + checkName + "' starts " + health.getStatus() + describe(health));
		}
		if (shuttingDown && !Status.UP.equals(health.getStatus())) {
			return new Line(false, "Health check '" + checkName + "' is " + health.getStatus() + " during shutdown"
					+ describe(health) + unlogged);
		}
		if (!Status.UP.equals(health.getStatus())) {
			return new Line(true,
					"Health check '" + checkName + "' is " + health.getStatus() + describe(health) + unlogged);
		}
		if (previous != null) {
			return new Line(false, "Health check '" + checkName + "' is UP again (was " + previous + ")" + unlogged);
		}
		return null;
	}

	private static void logSettled(String checkName, Health health, CheckLogState state, long now) {
		String line = "Health check '" + checkName + "' settled " + health.getStatus() + describe(health) + " ("
				+ state.unlogged + " earlier changes not logged)";
		state.unlogged = 0;
		state.loggedAt = now;
		new Line(!Status.UP.equals(health.getStatus()), line).write();
	}

	private static String describe(Health health) {
		return health.getDetails().isEmpty() ? " (no details)" : ": " + health.getDetails();
	}

	private record Line(boolean warning, String text) {

		void write() {
			if (this.warning) {
				logger.warn(this.text);
			}
			else {
				logger.info(this.text);
			}
		}

	}

	private static final class CheckLogState {

		private @Nullable Status status;

		private boolean logged;

		private long loggedAt;

		private int unlogged;

	}

}
