package io.github.healthgrpc.upstream;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.ClientChannels;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamCheckSmokeTests {

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

	@ParameterizedTest
	@EnumSource
	void aDownstreamFollowsItsUpstream(TestGrpcServer server) throws Exception {
		this.upstream = server.start(Upstream.class, "grpc.health.shutdown.drain-delay=0ms");
		ManualHealthCheck stock = this.upstream.context().getBean(ManualHealthCheck.class);
		stock.up();
		this.downstream = server.start(Downstream.class, "grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.upstreams.stock-upstream.target=127.0.0.1:" + this.upstream.port(),
				"grpc.health.overall.include=stock-upstream");
		WatchRecorder watch = WatchRecorder.watch(
				HealthGrpc.newStub(this.channels
					.add(NettyChannelBuilder.forAddress("127.0.0.1", this.downstream.port()).usePlaintext().build())),
				"");
		ServingStatus first = watch.next();
		if (first != ServingStatus.SERVING) {
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		}
		long start = System.nanoTime();
		stock.down("out");
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		System.out.printf("%s: told in %d us%n", server, (System.nanoTime() - start) / 1000);
		stock.up();
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		this.upstream.close();
		this.upstream = null;
		start = System.nanoTime();
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		System.out.printf("%s: upstream closed, told in %d us%n", server, (System.nanoTime() - start) / 1000);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Upstream {

		@Bean
		ManualHealthCheck stock() {
			return new ManualHealthCheck("stock");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Downstream {

	}

}
