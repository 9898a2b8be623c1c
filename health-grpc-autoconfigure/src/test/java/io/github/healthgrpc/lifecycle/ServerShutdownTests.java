package io.github.healthgrpc.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.StalledReader;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves on the devh server in a real application what a context close and a context stop
 * do to Watch calls: the drain runs before the server stops even when events are
 * multicast asynchronously; a stop tells watchers NOT_SERVING and completes them, and a
 * start serves again; a watcher that stopped reading holds the server no longer than
 * its shutdown grace period.
 */
class ServerShutdownTests {

	private static final Duration DRAIN_DELAY = Duration.ofMillis(1000);

	private final List<ManagedChannel> channels = new ArrayList<>();

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() throws InterruptedException {
		for (ManagedChannel channel : this.channels) {
			channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void withAnAsynchronousEventMulticasterTheDrainStillRunsBeforeTheServerStops() throws Exception {
		start(AsynchronousEvents.class);
		WatchRecorder watch = watch(newChannel());
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		long start = System.nanoTime();
		CompletableFuture<Void> closing = CompletableFuture.runAsync(this.context::close);
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		long toldMillis = millisSince(start);
		// The server still answers during the drain, on a new connection too: NOT_SERVING.
		assertThat(check(newChannel())).isEqualTo(ServingStatus.NOT_SERVING);
		watch.awaitCompleted();
		long completedMillis = millisSince(start);
		closing.get(30, TimeUnit.SECONDS);
		System.out.printf("Asynchronous multicaster: watcher told NOT_SERVING %d ms after close() began, completed "
				+ "after %d ms (drain delay %d ms); close() returned after %d ms%n", toldMillis, completedMillis,
				DRAIN_DELAY.toMillis(), millisSince(start));
		assertThat(toldMillis).isLessThan(DRAIN_DELAY.toMillis());
		assertThat(completedMillis).isGreaterThanOrEqualTo(DRAIN_DELAY.toMillis());
	}

	@Test
	void aStoppedContextTellsWatchersNotServingCompletesThemAndServesAgainWhenStarted() throws Exception {
		start(Application.class);
		WatchRecorder watch = watch(newChannel());
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		long start = System.nanoTime();
		this.context.stop();
		long stopMillis = millisSince(start);
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		watch.awaitCompleted();
		System.out.printf("Context stop: watcher told NOT_SERVING and completed; stop() returned after %d ms "
				+ "(server grace period 30 s)%n", stopMillis);
		assertThat(stopMillis).as("stop() with a Watch open, in ms").isLessThan(10_000);
		this.context.start();
		ManagedChannel restarted = newChannel();
		assertThat(watch(restarted).next()).isEqualTo(ServingStatus.SERVING);
		assertThat(check(restarted)).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void aWatcherThatStoppedReadingHoldsTheServerOnlyUntilItsShutdownGracePeriod() throws Exception {
		Duration grace = Duration.ofSeconds(2);
		start(Application.class, "grpc.server.shutdown-grace-period=" + grace.toSeconds() + "s");
		WatchRecorder reading = watch(newChannel());
		assertThat(reading.next()).isEqualTo(ServingStatus.SERVING);
		StalledReader stalled = new StalledReader();
		// A 16-byte window holds two Watch messages of 7 bytes: flips fill it at once.
		ManagedChannel stalledChannel = newChannel(NettyChannelBuilder.forAddress("127.0.0.1", port())
			.flowControlWindow(16));
		HealthGrpc.newStub(stalledChannel).watch(HealthCheckRequest.getDefaultInstance(), stalled);
		await().until(() -> stalled.received() > 0);
		ManualHealthCheck ready = this.context.getBean(ManualHealthCheck.class);
		for (int i = 0; i < 10; i++) {
			ready.down("flip");
			assertThat(reading.next()).isEqualTo(ServingStatus.NOT_SERVING);
			ready.up();
			assertThat(reading.next()).isEqualTo(ServingStatus.SERVING);
		}
		long start = System.nanoTime();
		this.context.close();
		long closeMillis = millisSince(start);
		assertThat(reading.next()).isEqualTo(ServingStatus.NOT_SERVING);
		reading.awaitCompleted();
		// The client learns how its call ended only once it reads what came before.
		stalled.readAll();
		await().until(() -> stalled.ended() != null);
		System.out.printf("A watcher that stopped reading (%d messages read): close() returned after %d ms (drain "
				+ "%d ms, grace period %d ms); the reading watcher completed, the stalled one ended with %s%n",
				stalled.received(), closeMillis, DRAIN_DELAY.toMillis(), grace.toMillis(), stalled.ended());
		// The stalled call could not be completed (its trailers waited behind data it did
		// not read): the server's forced shutdown at the end of its grace period cut it.
		assertThat(stalled.ended()).isIn("CANCELLED", "UNAVAILABLE");
		assertThat(closeMillis).isLessThan(DRAIN_DELAY.plus(grace).plusSeconds(3).toMillis());
	}

	private void start(Class<?> application, String... properties) {
		this.context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("grpc.server.port=0", "grpc.server.address=127.0.0.1", "grpc.health.overall.include=ready",
					"grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms")
			.properties(properties)
			.run();
	}

	private int port() {
		// With an asynchronous multicaster the started event may still be on its way.
		ServerPort server = this.context.getBean(ServerPort.class);
		await().until(() -> server.port > 0);
		return server.port;
	}

	private ManagedChannel newChannel() {
		return newChannel(NettyChannelBuilder.forAddress("127.0.0.1", port()));
	}

	private ManagedChannel newChannel(NettyChannelBuilder builder) {
		ManagedChannel channel = builder.usePlaintext().build();
		this.channels.add(channel);
		return channel;
	}

	private static WatchRecorder watch(ManagedChannel channel) {
		return WatchRecorder.watch(HealthGrpc.newStub(channel), "");
	}

	private static ServingStatus check(ManagedChannel channel) {
		return HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.check(HealthCheckRequest.getDefaultInstance())
			.getStatus();
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

		@Bean
		ServerPort serverPort() {
			return new ServerPort();
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

	/**
	 * The port devh's server listens on, from its started event.
	 */
	static class ServerPort implements ApplicationListener<GrpcServerStartedEvent> {

		private volatile int port;

		@Override
		public void onApplicationEvent(GrpcServerStartedEvent event) {
			this.port = event.getPort();
		}

	}

}
