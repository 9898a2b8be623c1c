package io.github.healthgrpc.sample.pricing;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PricingHealthCheck} and {@link PricingProperties}, on real sockets.
 */
class PricingHealthCheckTests {

	@Test
	void pricingIsReachableWhileSomethingListensOnTheAddress() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			PricingHealthCheck check = check("127.0.0.1:" + listener.getLocalPort());
			assertThat(check.pricingReachable()).isTrue();
		}
	}

	@Test
	void pricingIsUnreachableOnceTheListenerHasGone() throws Exception {
		int port;
		try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			port = listener.getLocalPort();
		}
		assertThat(check("127.0.0.1:" + port).pricingReachable()).isFalse();
	}

	@Test
	void pricingIsUnreachableWhenTheHostDoesNotResolve() {
		assertThat(check("pricing.invalid:9099").pricingReachable()).isFalse();
	}

	@Test
	void addressSplitsIntoHostAndPortIncludingAnIpv6Literal() {
		PricingProperties properties = new PricingProperties("[::1]:9099", Duration.ofMillis(100));
		assertThat(properties.host()).isEqualTo("::1");
		assertThat(properties.port()).isEqualTo(9099);
	}

	@Test
	void addressWithoutAPortFailsWithThePropertyName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PricingProperties("localhost", Duration.ofMillis(100)))
			.withMessageContaining("sample.pricing.address");
	}

	@Test
	void addressWithAPortOutOfRangeFailsWithThePropertyName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PricingProperties("localhost:70000", Duration.ofMillis(100)))
			.withMessageContaining("sample.pricing.address");
	}

	@Test
	void nonPositiveConnectTimeoutFailsWithThePropertyName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PricingProperties("localhost:9099", Duration.ZERO))
			.withMessageContaining("sample.pricing.connect-timeout");
	}

	private static PricingHealthCheck check(String address) {
		return new PricingHealthCheck(new PricingProperties(address, Duration.ofMillis(250)));
	}

}
