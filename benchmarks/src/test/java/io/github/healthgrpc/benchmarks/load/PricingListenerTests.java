package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import io.github.healthgrpc.sample.pricing.PricingHealthCheck;
import io.github.healthgrpc.sample.pricing.PricingProperties;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PricingListener}: the sample's own check, against each of the
 * listener's states, takes the path the state names.
 */
class PricingListenerTests {

	private final PricingListener listener = PricingListener.onFreePort();

	private final PricingHealthCheck check = new PricingHealthCheck(
			new PricingProperties(this.listener.address(), Duration.ofMillis(250)));

	@AfterEach
	void close() {
		this.listener.close();
	}

	@Test
	void openAcceptsAndCountsTheChecksConnections() {
		this.listener.open();
		long start = System.nanoTime();
		assertThat(this.check.pricingReachable()).isTrue();
		assertThat(this.check.pricingReachable()).isTrue();
		long end = System.nanoTime() + 1_000_000_000L;
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.listener.acceptedBetween(start, end)).isEqualTo(2));
	}

	@Test
	void closedRefusesAtOnce() {
		this.listener.open();
		this.listener.close();
		// Once untimed: the first run loads the socket classes.
		this.check.pricingReachable();
		long took = timed(() -> assertThat(this.check.pricingReachable()).isFalse());
		System.out.printf("PricingListener: refused in %.2f ms%n", took / 1e6);
		assertThat(took).isLessThan(Duration.ofMillis(200).toNanos());
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(1000));
	}

	@Test
	void blackholedMakesTheCheckWaitOutItsConnectTimeout() {
		this.listener.open();
		this.listener.blackhole();
		long took = timed(() -> assertThat(this.check.pricingReachable()).isFalse());
		System.out.printf("PricingListener: blackholed, the check gave up after %.2f ms%n", took / 1e6);
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(240).toNanos());
		assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> connect(100));
	}

	@Test
	void openedAfterTheBlackholeAcceptsAgainAndCountsOnlyTheChecksConnections() {
		this.listener.blackhole();
		long start = System.nanoTime();
		this.listener.open();
		long took = timed(() -> assertThat(this.check.pricingReachable()).isTrue());
		assertThat(took).isLessThan(Duration.ofMillis(200).toNanos());
		// The listener's own connections that filled the backlog are not the check's.
		long end = System.nanoTime() + 1_000_000_000L;
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.acceptedBetween(start, end) >= 1);
		assertThat(this.listener.acceptedBetween(start, end)).isEqualTo(1);
	}

	private void connect(int timeoutMillis) throws IOException {
		String[] address = this.listener.address().split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address[0], Integer.parseInt(address[1])), timeoutMillis);
		}
	}

	private static long timed(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

}
