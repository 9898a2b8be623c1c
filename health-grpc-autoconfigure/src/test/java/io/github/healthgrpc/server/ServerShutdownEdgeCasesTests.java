package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.HealthCheckCall;
import io.github.healthgrpc.grpc.StalledReader;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves on each server what a context close and a context stop do to Watch calls in
 * awkward circumstances: the drain runs before the server stops even when events are
 * multicast asynchronously; a stop tells watchers NOT_SERVING and completes them (the
 * adapter's shutdown listener), and a start serves again; a watcher that stopped reading
 * holds the server no longer than its shutdown grace period; a stop then a close does not
 * wait the drain delay again.
 */
class ServerShutdownEdgeCasesTests {

	private static final Duration DRAIN_DELAY = Duration.ofMillis(1000);

	@AutoClose
	private final ServerFixture fixture = new ServerFixture();

	@ParameterizedTest
	@EnumSource
	void withAnAsynchronousEventMulticasterTheDrainStillRunsBeforeTheServerStops(TestGrpcServer server)
			throws Exception {
		WatchRecorder watch = startWatching(server, AsynchronousEvents.class);
		long start = System.nanoTime();
		CompletableFuture<Void> closing = CompletableFuture.runAsync(this.fixture.started()::close);
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		long toldMillis = millisSince(start);
		// The server still answers during the drain, on a new connection too:
		// NOT_SERVING.
		assertThat(check(this.fixture.channel())).isEqualTo(ServingStatus.NOT_SERVING);
		watch.awaitCompleted();
		long completedMillis = millisSince(start);
		closing.get(30, TimeUnit.SECONDS);
		System.out.printf(
				"%s, asynchronous multicaster: watcher told NOT_SERVING %d ms after close() began, "
						+ "completed after %d ms (drain delay %d ms); close() returned after %d ms%n",
				server, toldMillis, completedMillis, DRAIN_DELAY.toMillis(), millisSince(start));
		assertThat(toldMillis).isLessThan(DRAIN_DELAY.toMillis());
		assertThat(completedMillis).isGreaterThanOrEqualTo(DRAIN_DELAY.toMillis());
	}

	@ParameterizedTest
	@EnumSource
	void aStoppedContextTellsWatchersNotServingCompletesThemAndServesAgainWhenStarted(TestGrpcServer server)
			throws Exception {
		WatchRecorder watch = startWatching(server, Application.class);
		long start = System.nanoTime();
		this.fixture.started().context().stop();
		long stopMillis = millisSince(start);
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		watch.awaitCompleted();
		System.out.printf("%s, context stop: watcher told NOT_SERVING and completed; stop() returned after %d ms "
				+ "(server grace period 30 s)%n", server, stopMillis);
		// A Watch call left open would hold stop() for the whole 30 s grace period.
		assertThat(stopMillis).as("stop() with a Watch open, in ms").isLessThan(10_000);
		this.fixture.started().context().start();
		ManagedChannel restarted = this.fixture.channel();
		assertThat(watch(restarted).next()).isEqualTo(ServingStatus.SERVING);
		assertThat(check(restarted)).isEqualTo(ServingStatus.SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void aContextStoppedThenClosedDoesNotWaitTheDrainDelayAgain(TestGrpcServer server) throws Exception {
		Duration drainDelay = Duration.ofSeconds(5);
		WatchRecorder watch = startWatching(server, Application.class,
				"grpc.health.shutdown.drain-delay=" + drainDelay.toSeconds() + "s");
		this.fixture.started().context().stop();
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		watch.awaitCompleted();
		long start = System.nanoTime();
		this.fixture.started().close();
		long closeMillis = millisSince(start);
		System.out.printf("%s, context stop then close: close() returned after %d ms (drain delay %d ms)%n", server,
				closeMillis, drainDelay.toMillis());
		// Nobody is left to hear the drain: the server stopped with the context.
		assertThat(closeMillis).as("close() after stop(), in ms").isLessThan(drainDelay.toMillis() / 5);
	}

	@ParameterizedTest
	@EnumSource
	void aWatcherThatStoppedReadingHoldsTheServerOnlyUntilItsShutdownGracePeriod(TestGrpcServer server)
			throws Exception {
		Duration grace = Duration.ofSeconds(2);
		WatchRecorder reading = startWatching(server, Application.class,
				server.gracePeriodProperty() + "=" + grace.toSeconds() + "s");
		StalledReader stalled = new StalledReader();
		ManagedChannel stalledChannel = this.fixture
			.channel((builder) -> builder.flowControlWindow(StalledReader.WINDOW));
		HealthGrpc.newStub(stalledChannel).watch(HealthCheckRequest.getDefaultInstance(), stalled);
		await().until(() -> stalled.received() > 0);
		long start = System.nanoTime();
		this.fixture.started().close();
		long closeMillis = millisSince(start);
		assertThat(reading.next()).isEqualTo(ServingStatus.NOT_SERVING);
		reading.awaitCompleted();
		// The client learns how its call ended only once it reads what came before.
		stalled.readAll();
		await().until(() -> stalled.ended() != null);
		System.out.printf("%s, a watcher that stopped reading (%d messages read): close() returned after %d ms "
				+ "(drain %d ms, grace period %d ms); the reading watcher completed, the stalled one ended with %s%n",
				server, stalled.received(), closeMillis, DRAIN_DELAY.toMillis(), grace.toMillis(), stalled.ended());
		// The stalled call could not be completed (its trailers waited behind data it did
		// not read): the server's forced shutdown at the end of its grace period cut it.
		assertThat(stalled.ended()).isIn("CANCELLED", "UNAVAILABLE");
		assertThat(closeMillis).isLessThan(DRAIN_DELAY.plus(grace).plusSeconds(3).toMillis());
	}

	/**
	 * Start the application and a watcher of the overall status, which has seen SERVING.
	 */
	private WatchRecorder startWatching(TestGrpcServer server, Class<?> application, String... properties)
			throws InterruptedException {
		this.fixture.start(server,
				server.application(application)
					.properties("grpc.health.overall.include=ready",
							"grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms")
					.properties(properties));
		WatchRecorder watch = watch(this.fixture.channel());
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		return watch;
	}

	private static WatchRecorder watch(ManagedChannel channel) {
		return WatchRecorder.watch(HealthGrpc.newStub(channel), "");
	}

	private static ServingStatus check(ManagedChannel channel) {
		return HealthCheckCall.check(channel, "");
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		ManualHealthCheck ready() {
			ManualHealthCheck ready = new ManualHealthCheck("ready");
			ready.up();
			return ready;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsynchronousEvents extends Application {

		@Bean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
		SimpleApplicationEventMulticaster applicationEventMulticaster() {
			SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();
			multicaster.setTaskExecutor(new SimpleAsyncTaskExecutor("events-"));
			return multicaster;
		}

	}

}
