package io.github.healthgrpc.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextStartedEvent;
import org.springframework.context.event.ContextStoppedEvent;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Proves the drain: NOT_SERVING at once and for good, the store closed only after the
 * delay, and no delay at all for an application that never served or whose context was
 * stopped before it closed.
 */
class ShutdownDrainTests {

	private static final Duration DRAIN_DELAY = Duration.ofMillis(800);

	private final StatusStore store = new StatusStore();

	private final GenericApplicationContext context = new GenericApplicationContext();

	@Test
	void turnsNotServingAtOnceAndForGoodThenClosesTheStoreAfterTheDrainDelay() throws Exception {
		this.store.defineServices(Map.of("", Set.of("db")));
		this.store.record("db", Health.up().build());
		this.store.setAcceptingTraffic(true);
		Timeline timeline = new Timeline();
		this.store.addListener(timeline);
		long start = System.nanoTime();
		CompletableFuture<Void> drain = CompletableFuture
			.runAsync(() -> new ShutdownDrain(this.store, this.context, DRAIN_DELAY)
				.onApplicationEvent(new ContextClosedEvent(this.context)));
		await().atMost(Duration.ofSeconds(10)).until(() -> timeline.notServing.get() != 0);
		// Told while the drain delay runs, not when it ends: the store is still open.
		assertThat(this.store.isClosed()).isFalse();
		// Nothing undoes the drain: the application accepting traffic again, a check
		// recovering.
		new AvailabilityListener(this.store)
			.onApplicationEvent(new AvailabilityChangeEvent<>(this.context, ReadinessState.ACCEPTING_TRAFFIC));
		this.store.record("db", Health.down().build());
		this.store.record("db", Health.up().build());
		assertThat(this.store.status("")).isEqualTo(ServingState.NOT_SERVING);
		drain.get(30, TimeUnit.SECONDS);
		assertThat(this.store.isClosed()).isTrue();
		// The drain returns once the listeners have heard the close.
		assertThat(timeline.closed.get()).isNotZero();
		assertThat(timeline.servingAgain.get()).as("SERVING heard after the drain began").isZero();
		assertThat(Duration.ofNanos(timeline.closed.get() - start)).isGreaterThanOrEqualTo(DRAIN_DELAY);
		assertThat(Duration.ofNanos(timeline.closed.get() - timeline.notServing.get()))
			.as("time between NOT_SERVING and the close")
			.isGreaterThanOrEqualTo(DRAIN_DELAY.dividedBy(2));
	}

	@Test
	void anApplicationThatNeverServedClosesWithoutWaiting() {
		this.store.defineServices(Map.of("", Set.of("db")));
		assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> new ShutdownDrain(this.store, this.context, Duration.ofMinutes(5))
					.onApplicationEvent(new ContextClosedEvent(this.context)));
		assertThat(this.store.isClosed()).isTrue();
	}

	@Test
	void aContextStoppedBeforeItClosesClosesWithoutWaiting() {
		servedOnce();
		ShutdownDrain drain = new ShutdownDrain(this.store, this.context, Duration.ofMinutes(5));
		drain.onApplicationEvent(new ContextStoppedEvent(this.context));
		long start = System.nanoTime();
		assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> drain.onApplicationEvent(new ContextClosedEvent(this.context)));
		long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.printf("Stopped, then closed: the drain returned after %d ms (drain delay 5 min)%n", closeMillis);
		assertThat(this.store.isClosed()).isTrue();
		assertThat(this.store.status("")).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void aContextStartedAgainAfterAStopDrainsWhenItCloses() {
		servedOnce();
		ShutdownDrain drain = new ShutdownDrain(this.store, this.context, DRAIN_DELAY);
		drain.onApplicationEvent(new ContextStoppedEvent(this.context));
		drain.onApplicationEvent(new ContextStartedEvent(this.context));
		long start = System.nanoTime();
		drain.onApplicationEvent(new ContextClosedEvent(this.context));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DRAIN_DELAY);
		assertThat(this.store.isClosed()).isTrue();
	}

	@Test
	void ignoresTheStopOfAnotherContext() {
		servedOnce();
		ShutdownDrain drain = new ShutdownDrain(this.store, this.context, DRAIN_DELAY);
		drain.onApplicationEvent(new ContextStoppedEvent(new GenericApplicationContext()));
		long start = System.nanoTime();
		drain.onApplicationEvent(new ContextClosedEvent(this.context));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DRAIN_DELAY);
	}

	@Test
	void ignoresTheClosingOfAnotherContext() {
		this.store.defineServices(Map.of("", Set.of()));
		this.store.setAcceptingTraffic(true);
		GenericApplicationContext child = new GenericApplicationContext();
		new ShutdownDrain(this.store, this.context, Duration.ofMinutes(5))
			.onApplicationEvent(new ContextClosedEvent(child));
		assertThat(this.store.isClosed()).isFalse();
		assertThat(this.store.status("")).isEqualTo(ServingState.SERVING);
	}

	@Test
	void turnsReadinessRefusingTrafficWhenTheDrainBegins() {
		assertThat(readinessPublishedAroundTheDrain(ReadinessState.ACCEPTING_TRAFFIC))
			.containsExactly(ReadinessState.ACCEPTING_TRAFFIC, ReadinessState.REFUSING_TRAFFIC);
	}

	@Test
	void leavesReadinessAloneWhenTheApplicationAlreadyRefusesTraffic() {
		// As a servlet web application does when it closes, before ContextClosedEvent.
		assertThat(readinessPublishedAroundTheDrain(ReadinessState.REFUSING_TRAFFIC))
			.containsExactly(ReadinessState.REFUSING_TRAFFIC);
	}

	private void servedOnce() {
		this.store.defineServices(Map.of("", Set.of()));
		this.store.setAcceptingTraffic(true);
		assertThat(this.store.hasEverServed()).isTrue();
	}

	private List<ReadinessState> readinessPublishedAroundTheDrain(ReadinessState before) {
		ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
		ReadinessStates published = new ReadinessStates();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.addApplicationListener(availability);
			context.addApplicationListener(published);
			context.refresh();
			AvailabilityChangeEvent.publish(context, before);
			this.store.defineServices(Map.of("", Set.of()));
			new ShutdownDrain(this.store, context, Duration.ZERO, availability)
				.onApplicationEvent(new ContextClosedEvent(context));
		}
		return published.states;
	}

	/**
	 * Every readiness state published, in order.
	 */
	private static final class ReadinessStates implements ApplicationListener<AvailabilityChangeEvent<?>> {

		private final List<ReadinessState> states = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
			if (event.getState() instanceof ReadinessState readiness) {
				this.states.add(readiness);
			}
		}

	}

	/**
	 * When the overall status turned NOT_SERVING, turned SERVING again, and the store
	 * closed.
	 */
	private static final class Timeline implements StatusListener {

		private final AtomicLong notServing = new AtomicLong();

		private final AtomicLong servingAgain = new AtomicLong();

		private final AtomicLong closed = new AtomicLong();

		@Override
		public void servingStatusChanged(String service, ServingState status) {
			if (status == ServingState.NOT_SERVING) {
				this.notServing.compareAndSet(0, System.nanoTime());
			}
			else if (this.notServing.get() != 0) {
				this.servingAgain.compareAndSet(0, System.nanoTime());
			}
		}

		@Override
		public void storeClosed() {
			this.closed.set(System.nanoTime());
		}

	}

}
