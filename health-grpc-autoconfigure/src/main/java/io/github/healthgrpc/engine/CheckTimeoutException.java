package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * An evaluation that missed a deadline: it did not start within its check's interval
 * because every worker thread was busy, or it did not answer within its check's timeout.
 */
final class CheckTimeoutException extends TimeoutException {

	private final transient Duration deadline;

	private final boolean started;

	CheckTimeoutException(Duration deadline, boolean started) {
		super((started ? "Did not answer within " : "Did not start within ") + deadline.toMillis() + "ms");
		this.deadline = deadline;
		this.started = started;
	}

	Duration getDeadline() {
		return this.deadline;
	}

	boolean isStarted() {
		return this.started;
	}

}
