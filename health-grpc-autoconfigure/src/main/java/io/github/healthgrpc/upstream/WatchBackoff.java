package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delays between Watch calls that ended before the upstream said SERVING: 1 s, then
 * 1.6 times longer each time, each jittered by 20 %, the parameters of grpc-java's
 * client-side health checking and reconnects. The longest delay is the check's timeout
 * (grpc-java's 120 s would leave a restarted upstream unheard for up to two minutes,
 * since no call is open during a delay), and at least the first. Written by hand because
 * grpc-java's {@code ExponentialBackoffPolicy} is internal.
 */
final class WatchBackoff {

	private static final long INITIAL_MILLIS = 1000;

	private static final double MULTIPLIER = 1.6;

	private static final double JITTER = 0.2;

	private final long maxMillis;

	private long nextMillis = INITIAL_MILLIS;

	WatchBackoff(Duration max) {
		this.maxMillis = Math.max(INITIAL_MILLIS, max.toMillis());
	}

	synchronized Duration next() {
		long current = this.nextMillis;
		this.nextMillis = Math.min((long) (current * MULTIPLIER), this.maxMillis);
		double jitter = ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
		return Duration.ofMillis((long) (current * (1 + jitter)));
	}

	synchronized void reset() {
		this.nextMillis = INITIAL_MILLIS;
	}

}
