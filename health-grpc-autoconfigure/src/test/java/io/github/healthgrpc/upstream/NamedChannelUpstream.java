package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.ClientChannels;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ServerTransportFilter;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.ServerBuilderCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upstream check that names a channel of the downstream's gRPC client, end to end: the
 * upstream (on Spring Boot's server, counting its client connections) serves
 * {@code demo.Stock} from its check {@code stock}; the downstream maps
 * {@code demo.Orders} to the upstream check {@code stock}, which follows
 * {@code demo.Stock} over the client's channel {@code stock}. The client's factory made
 * the channel, so it closes it: once the downstream is closed, the upstream has no Watch
 * call and no connection left.
 */
final class NamedChannelUpstream implements AutoCloseable {

	private final ClientChannels channels = new ClientChannels();

	private TestGrpcServer.Started upstream;

	private TestGrpcServer.Started downstream;

	/**
	 * Run the scenario.
	 * @param downstreamServer the downstream's gRPC server
	 * @param channel the properties of the client channel {@code stock} to the upstream's
	 * port
	 * @throws Exception on failure
	 */
	void run(TestGrpcServer downstreamServer, IntFunction<String[]> channel) throws Exception {
		this.upstream = TestGrpcServer.BOOT.start(Upstream.class, "grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.services.demo.Stock.include=stock");
		ManualHealthCheck stock = this.upstream.context().getBean(ManualHealthCheck.class);
		AtomicInteger connections = this.upstream.context().getBean(Upstream.class).connections;
		HealthGrpcService upstreamHealth = this.upstream.context().getBean(HealthGrpcService.class);
		stock.up();
		this.downstream = downstreamServer.start(downstreamServer.application(Downstream.class)
			.properties(channel.apply(this.upstream.port()))
			.properties("grpc.health.shutdown.drain-delay=0ms", "grpc.health.upstreams.stock.channel=stock",
					"grpc.health.upstreams.stock.service=demo.Stock",
					"grpc.health.services.demo.Orders.include=stock"));
		WatchRecorder watch = WatchRecorder.watch(HealthGrpc.newStub(this.channels.add(Grpc
			.newChannelBuilderForAddress("127.0.0.1", this.downstream.port(), InsecureChannelCredentials.create())
			.build())), "demo.Orders");
		ServingStatus first = watch.next();
		if (first != ServingStatus.SERVING) {
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		}
		// One Watch call on one connection, made by the client's channel.
		assertThat(upstreamHealth.watcherCount()).isOne();
		assertThat(connections).hasValue(1);
		long start = System.nanoTime();
		stock.down("out of stock");
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		long down = System.nanoTime() - start;
		start = System.nanoTime();
		stock.up();
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		long up = System.nanoTime() - start;
		System.out.printf("%s downstream, named channel: NOT_SERVING told in %d us, SERVING in %d us%n",
				downstreamServer, down / 1000, up / 1000);
		this.channels.shutdownNow();
		start = System.nanoTime();
		this.downstream.close();
		this.downstream = null;
		long closed = System.nanoTime() - start;
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(upstreamHealth.watcherCount()).as("Watch calls left open on the upstream").isZero();
			assertThat(connections).as("connections left open to the upstream").hasValue(0);
		});
		System.out.printf("%s downstream closed in %d ms; the upstream saw its Watch call and connection end%n",
				downstreamServer, closed / 1_000_000);
		// The factory waits for its channels to terminate: a Watch call left open would
		// hold it for its grace period.
		assertThat(Duration.ofNanos(closed)).isLessThan(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.noneMatch((thread) -> thread.getName().startsWith("health-grpc-upstream-")));
	}

	@Override
	public void close() throws Exception {
		this.channels.shutdownNow();
		if (this.downstream != null) {
			this.downstream.close();
		}
		if (this.upstream != null) {
			this.upstream.close();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Upstream {

		final AtomicInteger connections = new AtomicInteger();

		@Bean
		ManualHealthCheck stock() {
			return new ManualHealthCheck("stock");
		}

		@Bean
		<T extends io.grpc.ServerBuilder<T>> ServerBuilderCustomizer<T> connectionCounter() {
			return (builder) -> builder.addTransportFilter(new ServerTransportFilter() {

				@Override
				public Attributes transportReady(Attributes attributes) {
					Upstream.this.connections.incrementAndGet();
					return attributes;
				}

				@Override
				public void transportTerminated(Attributes attributes) {
					Upstream.this.connections.decrementAndGet();
				}

			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Downstream {

	}

}
