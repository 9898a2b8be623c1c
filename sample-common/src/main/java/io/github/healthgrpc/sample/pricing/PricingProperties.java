package io.github.healthgrpc.sample.pricing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Where the pricing dependency listens, under {@code sample.pricing}.
 *
 * @param address the {@code host:port} of the pricing dependency ({@code [::1]:9099} for
 * an IPv6 literal)
 * @param connectTimeout how long a connection attempt may take; kept below the check's
 * {@code grpc.health.checks.pricing.timeout} so that an unreachable host reads as DOWN
 * rather than as a timed-out check
 */
@ConfigurationProperties("sample.pricing")
public record PricingProperties(@DefaultValue("localhost:9099") String address,
		@DefaultValue("250ms") Duration connectTimeout) {

	/**
	 * Validate the properties, so that a typo fails startup instead of reading as DOWN.
	 * @param address the {@code host:port} of the pricing dependency
	 * @param connectTimeout how long a connection attempt may take
	 */
	public PricingProperties {
		int colon = address.lastIndexOf(':');
		Assert.isTrue(colon > 0 && colon < address.length() - 1,
				() -> "sample.pricing.address must be host:port, but was '" + address + "'");
		Assert.isTrue(port(address.substring(colon + 1)) > 0,
				() -> "sample.pricing.address must have a port in 1-65535, but was '" + address + "'");
		Assert.isTrue(!connectTimeout.isNegative() && !connectTimeout.isZero(),
				"sample.pricing.connect-timeout must be positive");
	}

	/**
	 * The host part of the address, without the brackets of an IPv6 literal.
	 * @return the host
	 */
	public String host() {
		String host = this.address.substring(0, this.address.lastIndexOf(':'));
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * The port part of the address.
	 * @return the port
	 */
	public int port() {
		return port(this.address.substring(this.address.lastIndexOf(':') + 1));
	}

	private static int port(String text) {
		try {
			int port = Integer.parseInt(text);
			return (port > 0 && port <= 65535) ? port : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
