package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Warns when a check is stuck: it ignored the interrupt at its timeout for another
 * timeout. Once per change, not once per interval: a check stuck for a day, or one that
 * times out on every call, writes one line until it answers in time again. The line shows
 * where the thread is stuck, which is what the fix needs.
 */
final class StuckLog {

	private static final Log logger = LogFactory.getLog(CheckRunner.class);

	private static final int MAX_FRAMES = 20;

	private final String checkName;

	private final Duration timeout;

	private final AtomicBoolean reported = new AtomicBoolean();

	StuckLog(String checkName, Duration timeout) {
		this.checkName = checkName;
		this.timeout = timeout;
	}

	void stuck(@Nullable Thread worker) {
		if (!this.reported.compareAndSet(false, true)) {
			return;
		}
		String held = (worker != null)
				? "its thread " + worker.getName() + " ignored the interrupt and is written off "
						+ "(the pool starts a replacement, so the other checks keep their threads)"
				: "its answer could not be cancelled";
		logger.warn("Health check '" + this.checkName + "' is stuck: it did not answer within its timeout of "
				+ this.timeout.toMillis() + "ms and " + held + ". It stays DOWN and is not started again until it "
				+ "returns; give the call it makes a timeout of its own" + where(worker));
	}

	void answered() {
		this.reported.set(false);
	}

	// The check's own frames, from where it is stuck down to the engine's call.
	private static String where(@Nullable Thread worker) {
		if (worker == null) {
			return "";
		}
		return Arrays.stream(worker.getStackTrace())
			.takeWhile((frame) -> !frame.getClassName().equals(PolledCheckTask.class.getName()))
			.limit(MAX_FRAMES)
			.map((frame) -> "\n\tat " + frame)
			.collect(Collectors.joining("", ". Stuck at:", ""));
	}

}
