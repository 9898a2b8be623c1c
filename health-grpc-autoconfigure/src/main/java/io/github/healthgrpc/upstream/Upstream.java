package io.github.healthgrpc.upstream;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * What an upstream check follows: a service of another gRPC server's Health service, how
 * it is reached, and how long a first answer may take.
 *
 * @param name the check's name
 * @param service the upstream's Health service name, {@code ""} for its overall status
 * @param reachedBy the target or the client channel's name, as the check's details show
 * it
 * @param timeout how long a Watch call may go without its first answer before the check
 * turns DOWN
 * @since 0.1.0
 */
public record Upstream(String name, String service, String reachedBy, Duration timeout) {

	/**
	 * Create an upstream.
	 * @param name the check's name
	 * @param service the upstream's Health service name
	 * @param reachedBy the target or the client channel's name
	 * @param timeout how long a first answer may take
	 */
	public Upstream {
		Assert.hasText(name, "Upstream check name must not be empty");
		Assert.notNull(service, "Upstream service must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Upstream timeout must be positive");
	}

}
