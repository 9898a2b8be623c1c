package io.github.healthgrpc.grpc;

import org.springframework.util.Assert;

/**
 * The limits that keep Watch calls from growing the server's memory without bound: each
 * open call holds a stream, and each distinct service name watched holds an entry.
 *
 * @param maxWatchers the most Watch calls open at once; beyond it a new one fails with
 * RESOURCE_EXHAUSTED
 * @param maxUnknownServices the most distinct unknown service names watched at once;
 * beyond it a Watch on yet another unknown name fails with RESOURCE_EXHAUSTED
 */
public record WatchLimits(int maxWatchers, int maxUnknownServices) {

	/**
	 * The defaults: 10,000 open Watch calls and 100 distinct unknown services.
	 */
	public static final WatchLimits DEFAULTS = new WatchLimits(10_000, 100);

	/**
	 * The longest service name a Watch call accepts. A Watch holds its name for as long as
	 * it is open, and real gRPC service names are far shorter, so a longer name can only
	 * be a mistake or an attempt to make the server hold memory.
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
