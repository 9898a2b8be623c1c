package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that {@code demo.Inventory} follows its pricing dependency within one check
 * interval (1s in the sample's configuration) plus the check's own timeout and a small
 * margin: a Watch hears SERVING that soon after a real listener binds the pricing port,
 * and NOT_SERVING that soon after it closes, with exactly one message per change, over
 * several cycles. And that the watcher hears each change within {@link #TOLD_WITHIN} of
 * the evaluation that saw it, which the listener observes as the check's connection (for
 * NOT_SERVING, the evaluation one interval after the last accepted connection): the first
 * bound alone could not tell a late fan-out from a change that arrived just after a tick.
 */
class RecoveryWithinOneIntervalTests extends AbstractSampleServerTests {

	/** {@code grpc.health.checks.pricing.interval} in sample-health.yml. */
	private static final Duration INTERVAL = Duration.ofSeconds(1);

	/**
	 * {@code grpc.health.checks.pricing.timeout} in sample-health.yml: the longest one
	 * evaluation may take before its result is recorded.
	 */
	private static final Duration TIMEOUT = Duration.ofMillis(500);

	/**
	 * Room for the store, the fan-out and the trip to the client. Small, because the
	 * evaluation here is a loopback connect of a few milliseconds, far below its timeout:
	 * in practice the bound leaves about 0.6 s for scheduling noise on busy cores, while
	 * a status that waited for a second tick (2 s) or was delivered late fails it.
	 */
	private static final Duration MARGIN = Duration.ofMillis(100);

	private static final Duration BOUND = INTERVAL.plus(TIMEOUT).plus(MARGIN);

	/**
	 * How soon after the evaluation a watcher hears the change: the store tells watchers
	 * at once, in milliseconds; the rest is room for busy cores.
	 */
	private static final Duration TOLD_WITHIN = Duration.ofMillis(300);

	private static final int CYCLES = 5;

	@Test
	void inventoryTurnsServingWithinOneIntervalOfThePricingListenerOpeningAndNotServingOfItClosing()
			throws InterruptedException {
		pricingDown();
		HealthWatch watch = HealthWatch.start(this.channel, "demo.Inventory");
		try {
			watch.nextMessage(ServingStatus.NOT_SERVING, PATIENCE);
			List<Duration> recoveries = new ArrayList<>();
			List<Duration> failures = new ArrayList<>();
			List<Duration> told = new ArrayList<>();
			for (int cycle = 0; cycle < CYCLES; cycle++) {
				// Timed from just before the bind and the close: the figures are upper
				// bounds. Each change follows right on the tick that reported the
				// previous one, so (after the first) each waits for nearly a whole
				// interval: the worst case.
				long opened = System.nanoTime();
				pricing.open();
				HealthWatch.Event serving = watch.nextMessage(ServingStatus.SERVING, PATIENCE);
				recoveries.add(serving.since(opened));
				told.add(serving.since(pricing.firstAcceptedAfter(opened).orElseThrow()));
				long closed = System.nanoTime();
				pricing.close();
				HealthWatch.Event notServing = watch.nextMessage(ServingStatus.NOT_SERVING, PATIENCE);
				failures.add(notServing.since(closed));
				told.add(notServing.since(pricing.lastAcceptedBefore(closed).orElseThrow()).minus(INTERVAL));
			}
			System.out.printf("pricing interval %d ms (bound %d ms): SERVING after the listener opened in %s ms;"
					+ " NOT_SERVING after it closed in %s ms; each heard %s ms after the evaluation that saw it%n",
					INTERVAL.toMillis(), BOUND.toMillis(), millis(recoveries), millis(failures), millis(told));
			assertThat(recoveries).as("time from bind to SERVING")
				.allSatisfy((took) -> assertThat(took).isLessThanOrEqualTo(BOUND));
			assertThat(failures).as("time from close to NOT_SERVING")
				.allSatisfy((took) -> assertThat(took).isLessThanOrEqualTo(BOUND));
			assertThat(told).as("time from the evaluation to the watcher")
				.allSatisfy((took) -> assertThat(took).isLessThanOrEqualTo(TOLD_WITHIN));
		}
		finally {
			watch.cancel();
		}
	}

	private static List<Long> millis(List<Duration> durations) {
		return durations.stream().map(Duration::toMillis).toList();
	}

}
