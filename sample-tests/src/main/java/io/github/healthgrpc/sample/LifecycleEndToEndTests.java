package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

import static io.github.healthgrpc.sample.HealthCheckCall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Warm-up and shutdown of the real application, built here rather than by the test
 * framework so that the tests decide when it closes.
 */
class LifecycleEndToEndTests {

	private static final Duration PATIENCE = AbstractSampleServerTests.PATIENCE;

	// Long enough that a Check lands inside it and client-side timing noise on two busy
	// cores stays well below it.
	private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);

	@AutoClose
	private final SampleRun sample = new SampleRun();

	@Test
	void servicesAreNotServingBeforeTheApplicationIsReadyAndServingOnceItIs() throws Exception {
		this.sample.pricing().open();
		Map<String, ServingStatus> beforeReady = new ConcurrentHashMap<>();
		// ApplicationStartedEvent: the gRPC server listens, but the application is not
		// ready yet.
		ApplicationListener<ApplicationStartedEvent> probe = (event) -> {
			ManagedChannel early = ManagedChannelBuilder.forAddress("127.0.0.1", this.sample.grpcPort())
				.usePlaintext()
				.build();
			try {
				for (String service : new String[] { "", "demo.Greeter", "demo.Inventory" }) {
					beforeReady.put(service, check(early, service));
				}
			}
			finally {
				early.shutdownNow();
			}
		};
		this.sample.start(DRAIN_DELAY, probe);
		assertThat(beforeReady).containsExactlyInAnyOrderEntriesOf(Map.of("", ServingStatus.NOT_SERVING, "demo.Greeter",
				ServingStatus.NOT_SERVING, "demo.Inventory", ServingStatus.NOT_SERVING));
		for (String service : beforeReady.keySet()) {
			await().atMost(PATIENCE)
				.until(() -> check(this.sample.channel(), service), (status) -> status == ServingStatus.SERVING);
		}
	}

	@Test
	void closingTheApplicationTellsWatchersNotServingThenDrainsThenCompletesTheirStreams() throws Exception {
		this.sample.pricing().open();
		this.sample.start(DRAIN_DELAY);
		await().atMost(PATIENCE)
			.until(() -> check(this.sample.channel(), "demo.Inventory"), (status) -> status == ServingStatus.SERVING);
		HealthWatch greeter = HealthWatch.start(this.sample.channel(), "demo.Greeter");
		HealthWatch inventory = HealthWatch.start(this.sample.channel(), "demo.Inventory");
		greeter.nextMessage(ServingStatus.SERVING, PATIENCE);
		inventory.nextMessage(ServingStatus.SERVING, PATIENCE);

		long closeStarted = System.nanoTime();
		CompletableFuture<Long> closed = CompletableFuture.supplyAsync(() -> {
			this.sample.context().close();
			return System.nanoTime();
		});

		HealthWatch.Event notServing = greeter.nextMessage(ServingStatus.NOT_SERVING, PATIENCE);
		HealthWatch.Event inventoryNotServing = inventory.nextMessage(ServingStatus.NOT_SERVING, PATIENCE);
		// During the drain the server still answers, and says what a load balancer must
		// hear.
		assertThat(check(this.sample.channel(), "")).isEqualTo(ServingStatus.NOT_SERVING);
		HealthWatch.Event end = greeter.next(PATIENCE);
		assertThat(end.isCompleted()).as("Watch ends with onCompleted, not an error: %s", end).isTrue();
		HealthWatch.Event inventoryEnd = inventory.next(PATIENCE);
		assertThat(inventoryEnd.isCompleted()).as("Watch ends with onCompleted: %s", inventoryEnd).isTrue();
		Duration closeTook = Duration.ofNanos(closed.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS) - closeStarted);
		System.out.printf(
				"context.close(), drain delay %d ms: NOT_SERVING after %d and %d ms, streams completed after"
						+ " %d and %d ms, close() took %d ms%n",
				DRAIN_DELAY.toMillis(), millis(notServing, closeStarted), millis(inventoryNotServing, closeStarted),
				millis(end, closeStarted), millis(inventoryEnd, closeStarted), closeTook.toMillis());

		assertThat(List.of(notServing.since(closeStarted), inventoryNotServing.since(closeStarted)))
			.as("time until each watcher heard NOT_SERVING")
			.allSatisfy((took) -> assertThat(took).isLessThanOrEqualTo(ShutdownLoad.TOLD_WITHIN));
		ShutdownLoad.assertCloseTook(closeTook, DRAIN_DELAY);
		// The stream completes after the drain delay, measured from the NOT_SERVING
		// message (less up to half a second for the two messages' different trips through
		// the network stack).
		assertThat(Duration.ofNanos(end.nanoTime() - notServing.nanoTime()))
			.isGreaterThanOrEqualTo(DRAIN_DELAY.minusMillis(500));
		assertThat(List.of(end.since(closeStarted), inventoryEnd.since(closeStarted)))
			.as("time until each stream completed")
			.allSatisfy((took) -> assertThat(took).isLessThanOrEqualTo(DRAIN_DELAY.plus(ShutdownLoad.GRACE)));
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> check(this.sample.channel(), ""))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
	}

	private static long millis(HealthWatch.Event event, long start) {
		return event.since(start).toMillis();
	}

}
