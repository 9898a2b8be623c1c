package io.github.healthgrpc.grpc;

import org.springframework.util.Assert;

/**
 * The limits that keep Watch calls from growing the server's memory without bound: each
 * open call holds a stream, and each distinct service name watched holds an entry. No
 * client can take the whole of {@code maxWatchers} and lock the others out: when it is
 * full, a call on a connection holding fewer calls is admitted and the oldest call of the
 * connection holding the most gives way.
 *
 * @param maxWatchers the most Watch calls open at once; beyond it a new one is admitted
 * only in place of a call of a connection that holds at least two more, and otherwise
 * fails with RESOURCE_EXHAUSTED
 * @param maxUnknownServices the most distinct unknown service names watched at once;
 * beyond it a Watch on yet another unknown name fails with RESOURCE_EXHAUSTED
 * @since 0.1.0
 */
public record WatchLimits(int maxWatchers, int maxUnknownServices) {

	/**
	 * The default most Watch calls open at once.
	 */
	public static final int DEFAULT_MAX_WATCHERS = 10_000;

	/**
	 * The default most distinct unknown service names watched at once.
	 */
	public static final int DEFAULT_MAX_UNKNOWN_SERVICES = 100;

	/**
	 * The defaults.
	 */
	public static final WatchLimits DEFAULTS = new WatchLimits(DEFAULT_MAX_WATCHERS, DEFAULT_MAX_UNKNOWN_SERVICES);

	/**
	 * The longest service name a Watch call accepts. A Watch holds its name for as long
	 * as it is open, and real gRPC service names are far shorter, so a longer name can
	 * only be a mistake or an attempt to make the server hold memory.
	 */
	public static final int MAX_SERVICE_NAME_LENGTH = 1024;

	/**
	 * Create limits.
	 * @param maxWatchers the most Watch calls open at once
	 * @param maxUnknownServices the most distinct unknown service names watched at once
	 */
	public WatchLimits {
		Assert.isTrue(maxWatchers > 0, "maxWatchers must be positive");
		Assert.isTrue(maxUnknownServices > 0, "maxUnknownServices must be positive");
	}

}
