package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.grpc.ClientChannels;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import net.devh.boot.grpc.server.interceptor.GrpcGlobalServerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upstream whose server does not permit the check's keepalive pings (grpc-java's
 * default: one every 5 minutes during a call) closes the connection with GOAWAY
 * {@code too_many_pings} after about 20 s. That server is alive: the dependent service
 * must not turn NOT_SERVING. One server only: the enforcement is grpc-java's Netty
 * server's, the same under both, and the test waits for it (about 20 s).
 */
class KeepaliveRefusalTests {

	private final ClientChannels channels = new ClientChannels();

	private TestGrpcServer.Started upstream;

	private TestGrpcServer.Started downstream;

	@AfterEach
	void close() throws Exception {
		this.channels.shutdownNow();
		if (this.downstream != null) {
			this.downstream.close();
		}
		if (this.upstream != null) {
			this.upstream.close();
		}
	}

	@Test
	void anUpstreamThatRefusesThePingsIsNoOutage() throws Exception {
		// Health calls pass the application's global interceptors (the counting one) only
		// when unauthenticated access is not opened past them.
		this.upstream = TestGrpcServer.BOOT.start(UpstreamApplication.class, "grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.security.allow-unauthenticated=false");
		this.upstream.context().getBean(ManualHealthCheck.class).up();
		this.downstream = TestGrpcServer.BOOT.start(DownstreamApplication.class, "grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.upstreams.stock.target=127.0.0.1:" + this.upstream.port(),
				"grpc.health.upstreams.stock.keepalive-time=10s", "grpc.health.upstreams.stock.keepalive-timeout=5s",
				"grpc.health.overall.include=stock");
		WatchRecorder watch = WatchRecorder.watch(
				HealthGrpc.newStub(this.channels
					.add(NettyChannelBuilder.forAddress("127.0.0.1", this.downstream.port()).usePlaintext().build())),
				"");
		// NOT_SERVING first while the check waits for the upstream's first answer.
		if (watch.next() != ServingStatus.SERVING) {
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		}
		AtomicInteger watchCalls = this.upstream.context().getBean(UpstreamApplication.class).watchCalls;
		assertThat(watchCalls).hasValue(1);
		long start = System.nanoTime();
		// The server closes the connection; the check opens its Watch call again.
		await().atMost(Duration.ofSeconds(60)).until(watchCalls::get, (calls) -> calls > 1);
		List<Status> recorded = this.downstream.context().getBean(DownstreamApplication.class).recorded;
		// The second call's first answer is recorded too.
		await().atMost(Duration.ofSeconds(10)).until(recorded::size, (size) -> size >= 2);
		System.out.printf(
				"GOAWAY too_many_pings after %d s: Watch calls on the upstream %d, the check recorded %s, "
						+ "the downstream's watcher was told %s%n",
				Duration.ofNanos(System.nanoTime() - start).toSeconds(), watchCalls.get(), recorded,
				watch.drainReceived());
		assertThat(recorded).as("every result of the check").containsOnly(Status.UP);
		assertThat(watch.isOpen()).isTrue();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class UpstreamApplication {

		final AtomicInteger watchCalls = new AtomicInteger();

		@Bean
		ManualHealthCheck stock() {
			return new ManualHealthCheck("stock");
		}

		@Bean
		@GrpcGlobalServerInterceptor
		@GlobalServerInterceptor
		ServerInterceptor countWatchCalls() {
			return new ServerInterceptor() {
				@Override
				public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call,
						Metadata headers, ServerCallHandler<ReqT, RespT> next) {
					if (call.getMethodDescriptor().getFullMethodName().equals("grpc.health.v1.Health/Watch")) {
						UpstreamApplication.this.watchCalls.incrementAndGet();
					}
					return next.startCall(call, headers);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DownstreamApplication {

		final List<Status> recorded = new CopyOnWriteArrayList<>();

		@Bean
		CheckListener recordStock() {
			return new CheckListener() {
				@Override
				public void recorded(String checkName, Health health) {
					if (checkName.equals("stock")) {
						DownstreamApplication.this.recorded.add(health.getStatus());
					}
				}
			};
		}

	}

}
