package io.github.healthgrpc.grpc;

import org.springframework.util.Assert;

/**
 * The limits that keep Watch calls from growing the server's memory without bound, and
 * one client from taking them all: each open call holds a stream, and each distinct
 * service name watched holds an entry.
 *
 * @param maxWatchers the most Watch calls open at once; beyond it a new one fails with
 * RESOURCE_EXHAUSTED
 * @param maxUnknownServices the most distinct unknown service names watched at once;
 * beyond it a Watch on yet another unknown name fails with RESOURCE_EXHAUSTED
 * @param maxPerConnection the most Watch calls open at once on one client connection;
 * beyond it a new one on that connection fails with RESOURCE_EXHAUSTED, so that one
 * client cannot take the whole of {@code maxWatchers} and lock the others out
 */
public record WatchLimits(int maxWatchers, int maxUnknownServices, int maxPerConnection) {

	/**
	 * The default most Watch calls open at once.
	 */
	public static final int DEFAULT_MAX_WATCHERS = 10_000;

	/**
	 * The default most distinct unknown service names watched at once.
	 */
	public static final int DEFAULT_MAX_UNKNOWN_SERVICES = 100;

	/**
	 * The default most Watch calls open at once on one client connection: far more than a
	 * client needs (one per service it sends to), far fewer than the default total.
	 */
	public static final int DEFAULT_MAX_PER_CONNECTION = 100;

	/**
	 * The defaults.
	 */
	public static final WatchLimits DEFAULTS = new WatchLimits(DEFAULT_MAX_WATCHERS, DEFAULT_MAX_UNKNOWN_SERVICES,
			DEFAULT_MAX_PER_CONNECTION);

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
	 * @param maxPerConnection the most Watch calls open at once on one client connection
	 */
	public WatchLimits {
		Assert.isTrue(maxWatchers > 0, "maxWatchers must be positive");
		Assert.isTrue(maxUnknownServices > 0, "maxUnknownServices must be positive");
		Assert.isTrue(maxPerConnection > 0, "maxPerConnection must be positive");
	}

}
