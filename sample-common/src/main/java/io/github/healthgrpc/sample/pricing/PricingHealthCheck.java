package io.github.healthgrpc.sample.pricing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.github.healthgrpc.check.HealthCheck;

import org.springframework.stereotype.Component;

/**
 * The {@code pricing} check: UP while something accepts TCP connections on
 * {@code sample.pricing.address}, DOWN otherwise.
 *
 * <p>
 * health-grpc calls it on its own scheduler every
 * {@code grpc.health.checks.pricing.interval}, so the blocking connect never runs on a
 * gRPC thread.
 */
@Component
public class PricingHealthCheck {

	private final PricingProperties properties;

	/**
	 * Create the check.
	 * @param properties where the pricing dependency listens
	 */
	public PricingHealthCheck(PricingProperties properties) {
		this.properties = properties;
	}

	/**
	 * Whether the pricing dependency accepts a TCP connection right now.
	 * @return {@code true} if a connection was established within the connect timeout
	 */
	@HealthCheck("pricing")
	public boolean pricingReachable() {
		// Resolve on every run rather than once, so that a DNS change is seen like any
		// other.
		InetSocketAddress address = new InetSocketAddress(this.properties.host(), this.properties.port());
		if (address.isUnresolved()) {
			return false;
		}
		try (Socket socket = new Socket()) {
			socket.connect(address, connectTimeoutMillis());
			return true;
		}
		catch (IOException ex) {
			// Refused, unreachable or timed out: all mean that pricing cannot be called
			// now.
			return false;
		}
	}

	private int connectTimeoutMillis() {
		// Socket.connect takes 0 to mean "wait forever": never round a short timeout down
		// to it.
		long millis = this.properties.connectTimeout().toMillis();
		return (int) Math.max(1, Math.min(millis, Integer.MAX_VALUE));
	}

}
