package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.healthgrpc.sample.HealthCheckCall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Proves that closing the application context with 1,000 Watch calls attached and Check
 * calls in flight tells every watcher NOT_SERVING, completes every stream (also those of
 * watchers that arrive during the drain) after the drain delay, ends every Check call
 * (NOT_SERVING during the drain, UNAVAILABLE at once after), leaves no watcher
 * registered, and returns within the drain delay plus {@link ShutdownLoad#GRACE}.
 *
 * <p>
 * It runs both as the sample is (with its servlet web server) and as a gRPC-only
 * application: a closing web server context publishes REFUSING_TRAFFIC by itself, so only
 * without one does the test rest on health-grpc's own drain alone.
 */
class ShutdownUnderLoadTests {

	private static final Duration PATIENCE = AbstractSampleServerTests.PATIENCE;

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);

	private final PricingServer pricing = PricingServer.onFreePort();

	private final GrpcServerPort<?> grpcServerPort = SampleServer.get().newPortListener();

	private ConfigurableApplicationContext context;

	private ShutdownLoad load;

	@AfterEach
	void stopEverything() throws InterruptedException {
		if (this.load != null) {
			this.load.close();
		}
		if (this.context != null) {
			this.context.close();
		}
		this.pricing.close();
	}

	@ParameterizedTest(name = "web-application-type={0}")
	@ValueSource(strings = { "none", "servlet" })
	void closingWithAThousandWatchersAndChecksInFlightIsTruthfulAndEndsEveryCallWithinTheDrainPlusGrace(
			String webApplicationType) throws Exception {
		this.pricing.open();
		this.context = SampleContexts.start(this.grpcServerPort, "--sample.pricing.address=" + this.pricing.address(),
				"--grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms",
				"--spring.main.web-application-type=" + webApplicationType);
		int port = this.grpcServerPort.get();
		awaitEveryServiceServing(port);
		HealthGrpcService health = this.context.getBean(HealthGrpcService.class);
		this.load = ShutdownLoad.attach(port, PATIENCE);
		assertThat(health.watcherCount()).as("Watch calls the server holds").isEqualTo(ShutdownLoad.WATCHERS);
		this.load.startChecks(PATIENCE);

		long closeStarted = System.nanoTime();
		CompletableFuture<Long> closed = CompletableFuture.supplyAsync(() -> {
			this.context.close();
			return System.nanoTime();
		});
		this.load.attachLateWatchers(port, PATIENCE);
		// Both servers wait up to a 30 s shutdown grace period for calls left open: a
		// hang shows here. Bounded well beyond the assertion below, so that a slow close
		// fails with figures.
		Duration closeTook = Duration.ofNanos(
				assertThat(closed).as("context.close() returned").succeedsWithin(DRAIN_DELAY.plus(PATIENCE)).actual()
						- closeStarted);
		this.load.awaitEnd(PATIENCE);
		this.load.print("context.close(), web-application-type=" + webApplicationType, closeStarted, closeTook,
				DRAIN_DELAY);

		this.load.assertTruthful(closeStarted, DRAIN_DELAY);
		assertThat(health.watcherCount()).as("Watch calls the server still holds").isZero();
		ShutdownLoad.assertCloseTook(closeTook, DRAIN_DELAY);
		assertNewCallsFailFastWithUnavailable(port);
	}

	private void awaitEveryServiceServing(int port) throws InterruptedException {
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
		try {
			for (String service : ShutdownLoad.SERVICES) {
				await().atMost(PATIENCE)
					.until(() -> check(channel, service), (status) -> status == ServingStatus.SERVING);
			}
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	private static void assertNewCallsFailFastWithUnavailable(int port) throws InterruptedException {
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
		try {
			long started = System.nanoTime();
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> check(channel, ""))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ShutdownLoad.FAIL_FAST);
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

}
