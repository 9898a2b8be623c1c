package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.github.healthgrpc.grpc.ByteArrayMarshaller;
import io.github.healthgrpc.grpc.HealthCheckCall;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import net.devh.boot.grpc.server.service.GrpcService;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves on each server that health-grpc's drain comes before the server's own shutdown,
 * and how the drain and the server's shutdown grace period add up: every watcher hears
 * NOT_SERVING at the start of the drain and its stream completes at its end, so Watch
 * calls never hold the server's graceful shutdown; only other calls still open after the
 * drain wait, for the grace period at most.
 */
class ServerShutdownTests {

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** Slack on top of an expected duration, generous for two busy cores. */
	private static final Duration SLACK = Duration.ofSeconds(5);

	/** Five connections of 100 watchers: a client spread over several connections. */
	private static final int CHANNELS = 5;

	private static final int WATCHERS = 500;

	private static final MethodDescriptor<byte[], byte[]> FOREVER = MethodDescriptor.<byte[], byte[]>newBuilder()
		.setType(MethodDescriptor.MethodType.SERVER_STREAMING)
		.setFullMethodName("test.Hang/Forever")
		.setRequestMarshaller(new ByteArrayMarshaller())
		.setResponseMarshaller(new ByteArrayMarshaller())
		.build();

	@AutoClose
	private final ServerFixture fixture = new ServerFixture();

	private final List<ManagedChannel> channels = new ArrayList<>();

	@ParameterizedTest
	@EnumSource
	void watchersHearNotServingAtOnceAndCompleteAfterTheDrainSoTheGracePeriodIsNotWaitedFor(TestGrpcServer server)
			throws Exception {
		start(server, server.gracePeriodProperty() + "=30s");
		List<Watcher> watchers = new ArrayList<>();
		for (int i = 0; i < WATCHERS; i++) {
			watchers.add(Watcher.watch(this.channels.get(i % CHANNELS), (i % 2 == 0) ? "" : "demo.Inventory"));
		}
		await().atMost(PATIENCE).until(() -> count(watchers, "SERVING") == WATCHERS);

		long closeStarted = System.nanoTime();
		CompletableFuture<Long> closed = close();
		await().atMost(PATIENCE).until(() -> count(watchers, "SERVING,NOT_SERVING") == WATCHERS);
		ServingStatus duringDrain = HealthCheckCall.check(this.channels.get(0), "demo.Inventory");
		Duration closeTook = Duration.ofNanos(closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS) - closeStarted);
		await().atMost(PATIENCE).until(() -> watchers.stream().allMatch(Watcher::ended));

		long lastNotServing = max(watchers, Watcher::notServingAt) - closeStarted;
		long firstEnd = min(watchers, Watcher::endedAt) - closeStarted;
		long lastEnd = max(watchers, Watcher::endedAt) - closeStarted;
		System.out.printf(
				"%s, %d watchers over %d channels, drain %d ms, grace period 30 s: NOT_SERVING to all "
						+ "within %d ms; streams ended %d-%d ms; close() returned after %d ms; histories %s%n",
				server, WATCHERS, CHANNELS, DRAIN_DELAY.toMillis(), millis(lastNotServing), millis(firstEnd),
				millis(lastEnd), closeTook.toMillis(), histories(watchers));

		assertThat(histories(watchers)).isEqualTo(Map.of("SERVING,NOT_SERVING,completed", (long) WATCHERS));
		assertThat(duringDrain).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(Duration.ofNanos(lastNotServing)).isLessThanOrEqualTo(DRAIN_DELAY.dividedBy(2));
		assertThat(Duration.ofNanos(firstEnd)).isGreaterThanOrEqualTo(DRAIN_DELAY);
		// A Watch call left open would hold close() for the whole 30 s grace period.
		assertThat(closeTook).isBetween(DRAIN_DELAY, DRAIN_DELAY.plus(SLACK));
	}

	@ParameterizedTest
	@EnumSource
	void aCallStillOpenAfterTheDrainIsCutWhenTheServersGracePeriodEnds(TestGrpcServer server) throws Exception {
		Duration gracePeriod = Duration.ofSeconds(1);
		start(server, server.gracePeriodProperty() + "=" + gracePeriod.toMillis() + "ms");
		Watcher watcher = Watcher.watch(this.channels.get(0), "");
		await().atMost(PATIENCE).until(() -> "SERVING".equals(watcher.history()));
		Hanging hanging = new Hanging();
		ClientCalls.asyncServerStreamingCall(this.channels.get(1).newCall(FOREVER, CallOptions.DEFAULT),
				new byte[] { 1 }, hanging);

		long closeStarted = System.nanoTime();
		Duration closeTook = Duration.ofNanos(close().get(PATIENCE.toSeconds(), TimeUnit.SECONDS) - closeStarted);
		await().atMost(PATIENCE).until(() -> hanging.endedAt != 0 && watcher.ended());

		System.out.printf(
				"%s, drain %d ms, grace period %d ms: Watch ended after %d ms; the open call ended %s "
						+ "after %d ms; close() returned after %d ms%n",
				server, DRAIN_DELAY.toMillis(), gracePeriod.toMillis(), millis(watcher.endedAt() - closeStarted),
				hanging.status.getCode(), millis(hanging.endedAt - closeStarted), closeTook.toMillis());

		assertThat(watcher.history()).isEqualTo("SERVING,NOT_SERVING,completed");
		assertThat(Duration.ofNanos(watcher.endedAt() - closeStarted)).isBetween(DRAIN_DELAY, DRAIN_DELAY.plus(SLACK));
		// The grace period starts when the server stops, after the drain.
		assertThat(Duration.ofNanos(hanging.endedAt - closeStarted))
			.isGreaterThanOrEqualTo(DRAIN_DELAY.plus(gracePeriod));
		assertThat(hanging.status.getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.CANCELLED);
		assertThat(closeTook).isBetween(DRAIN_DELAY.plus(gracePeriod), DRAIN_DELAY.plus(gracePeriod).plus(SLACK));
	}

	private void start(TestGrpcServer server, String gracePeriod) {
		this.fixture.start(server, server.application(Application.class)
			.properties("grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms", gracePeriod));
		for (int i = 0; i < CHANNELS; i++) {
			this.channels.add(this.fixture.channel());
		}
		await().atMost(PATIENCE)
			.until(() -> HealthCheckCall.check(this.channels.get(0), "demo.Inventory") == ServingStatus.SERVING);
	}

	private CompletableFuture<Long> close() {
		return CompletableFuture.supplyAsync(() -> {
			this.fixture.started().close();
			return System.nanoTime();
		});
	}

	private static long count(List<Watcher> watchers, String history) {
		return watchers.stream().filter((watcher) -> watcher.history().equals(history)).count();
	}

	private static Map<String, Long> histories(List<Watcher> watchers) {
		Map<String, Long> counts = new TreeMap<>();
		watchers.forEach((watcher) -> counts.merge(watcher.history(), 1L, Long::sum));
		return counts;
	}

	private static long min(List<Watcher> watchers, ToLongFunction<Watcher> time) {
		return watchers.stream().mapToLong(time).min().orElseThrow();
	}

	private static long max(List<Watcher> watchers, ToLongFunction<Watcher> time) {
		return watchers.stream().mapToLong(time).max().orElseThrow();
	}

	private static long millis(long nanos) {
		return Duration.ofNanos(nanos).toMillis();
	}

	/**
	 * A Watch call that keeps what it saw as one line, such as
	 * {@code SERVING,NOT_SERVING,completed}, and when.
	 */
	private static final class Watcher implements StreamObserver<HealthCheckResponse> {

		private final StringBuffer history = new StringBuffer();

		private volatile long notServingAt;

		private volatile long endedAt;

		static Watcher watch(ManagedChannel channel, String service) {
			Watcher watcher = new Watcher();
			HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService(service).build(), watcher);
			return watcher;
		}

		@Override
		public synchronized void onNext(HealthCheckResponse value) {
			if (value.getStatus() == ServingStatus.NOT_SERVING && this.notServingAt == 0) {
				this.notServingAt = System.nanoTime();
			}
			append(value.getStatus().name());
		}

		@Override
		public synchronized void onError(Throwable error) {
			append("error " + Status.fromThrowable(error).getCode());
			this.endedAt = System.nanoTime();
		}

		@Override
		public synchronized void onCompleted() {
			append("completed");
			this.endedAt = System.nanoTime();
		}

		String history() {
			return this.history.toString();
		}

		boolean ended() {
			return this.endedAt != 0;
		}

		long notServingAt() {
			return this.notServingAt;
		}

		long endedAt() {
			return this.endedAt;
		}

		private void append(String event) {
			this.history.append((this.history.length() > 0) ? "," : "").append(event);
		}

	}

	/**
	 * A call the server never answers.
	 */
	private static final class Hanging implements StreamObserver<byte[]> {

		private volatile Status status;

		private volatile long endedAt;

		@Override
		public void onNext(byte[] value) {
		}

		@Override
		public void onError(Throwable error) {
			this.status = Status.fromThrowable(error);
			this.endedAt = System.nanoTime();
		}

		@Override
		public void onCompleted() {
			this.status = Status.OK;
			this.endedAt = System.nanoTime();
		}

	}

	/**
	 * {@code demo.Inventory}, and {@code test.Hang}, whose one method never answers.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		@GrpcService
		BindableService inventoryService() {
			return () -> ServerServiceDefinition.builder("demo.Inventory").build();
		}

		@Bean
		@GrpcService
		BindableService hangService() {
			return () -> ServerServiceDefinition.builder("test.Hang")
				.addMethod(FOREVER, ServerCalls.asyncServerStreamingCall((request, response) -> {
				}))
				.build();
		}

	}

}
