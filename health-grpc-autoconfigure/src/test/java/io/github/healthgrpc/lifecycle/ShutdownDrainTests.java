package io.github.healthgrpc.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.store.ServingStatus;
import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Proves the drain: NOT_SERVING first, the store closed only after the delay, and no
 * delay at all for an application that never served.
 */
class ShutdownDrainTests {

	private final StatusStore store = new StatusStore();

	private final GenericApplicationContext context = new GenericApplicationContext();

	@Test
	void turnsNotServingThenClosesTheStoreAfterTheDrainDelay() {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.record("db", Health.up().build());
		this.store.setAcceptingTraffic(true);
		ServingStatus[] statusWhenClosed = new ServingStatus[1];
		long[] closedAfterNanos = new long[1];
		long start = System.nanoTime();
		this.store.addListener(new StatusListener() {
			@Override
			public void servingStatusChanged(String service, ServingStatus status) {
			}

			@Override
			public void storeClosed() {
				closedAfterNanos[0] = System.nanoTime() - start;
				statusWhenClosed[0] = ShutdownDrainTests.this.store.status("");
			}
		});
		new ShutdownDrain(this.store, this.context, Duration.ofMillis(300))
			.onApplicationEvent(new ContextClosedEvent(this.context));
		assertThat(this.store.isClosed()).isTrue();
		assertThat(statusWhenClosed[0]).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(Duration.ofNanos(closedAfterNanos[0])).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void anApplicationThatNeverServedClosesWithoutWaiting() {
		this.store.defineServices(Map.of("", Set.of("db")));
		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new ShutdownDrain(this.store, this.context,
				Duration.ofMinutes(5)).onApplicationEvent(new ContextClosedEvent(this.context)));
		assertThat(this.store.isClosed()).isTrue();
	}

	@Test
	void ignoresTheClosingOfAnotherContext() {
		this.store.defineServices(Map.of("", Set.of()));
		this.store.setAcceptingTraffic(true);
		GenericApplicationContext child = new GenericApplicationContext();
		new ShutdownDrain(this.store, this.context, Duration.ofMinutes(5)).onApplicationEvent(new ContextClosedEvent(child));
		assertThat(this.store.isClosed()).isFalse();
		assertThat(this.store.status("")).isEqualTo(ServingStatus.SERVING);
	}

}
