package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * An evaluation that did not answer within its check's timeout.
 */
final class CheckTimeoutException extends TimeoutException {

	private final transient Duration timeout;

	CheckTimeoutException(Duration timeout) {
		super("Timed out after " + timeout.toMillis() + "ms");
		this.timeout = timeout;
	}

	Duration getTimeout() {
		return this.timeout;
	}

}
