package io.github.healthgrpc.aot;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.HealthCheckCall;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with an upstream check on a channel of Spring Boot's gRPC client,
 * processed ahead of time as {@link AheadOfTimeTests} processes one, compiled, and
 * started in AOT mode: the conditions that chose the upstream checks and the client's
 * channels were fixed at processing, the channel's target is read at run time, and the
 * service that includes the check follows the upstream.
 */
@CompileWithForkedClassLoader
class UpstreamAheadOfTimeTests {

	private static final String[] PROPERTIES = { "grpc.health.upstreams.stock.channel=stock",
			"grpc.health.upstreams.stock.service=demo.Stock", "grpc.health.services[demo.Orders].include=stock",
			"grpc.health.shutdown.drain-delay=0s", "spring.grpc.client.channel.stock.target=127.0.0.1:1" };

	@Test
	void anUpstreamCheckOfAnApplicationProcessedAheadOfTimeFollowsItsUpstreamInAotMode() throws Exception {
		TestGenerationContext generation = new TestGenerationContext(AotApplication.class);
		ClassName initializer = new ApplicationContextAotGenerator()
			.processAheadOfTime(AotProcessing.loaded(application()), generation);
		generation.writeGeneratedContent();
		HealthStatusManager health = new HealthStatusManager();
		health.setStatus("demo.Stock", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
		Server upstream = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(health.getHealthService())
			.build()
			.start();
		try {
			TestCompiler.forSystem().with(generation).compile((compiled) -> {
				System.setProperty(AotDetector.AOT_ENABLED, "true");
				try (TestGrpcServer.Started started = TestGrpcServer.BOOT.start(application()
					.properties("spring.grpc.client.channel.stock.target=127.0.0.1:" + upstream.getPort())
					.initializers(AotProcessing.aotInitializer(initializer)))) {
					assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
					ManagedChannel channel = Grpc
						.newChannelBuilderForAddress("127.0.0.1", started.port(), InsecureChannelCredentials.create())
						.build();
					try {
						await().atMost(Duration.ofSeconds(10))
							.until(() -> HealthCheckCall.check(channel, "demo.Orders"), ServingStatus.SERVING::equals);
						health.setStatus("demo.Stock", io.grpc.health.v1.HealthCheckResponse.ServingStatus.NOT_SERVING);
						await().atMost(Duration.ofSeconds(10))
							.until(() -> HealthCheckCall.check(channel, "demo.Orders"),
									ServingStatus.NOT_SERVING::equals);
					}
					finally {
						channel.shutdownNow();
					}
				}
				finally {
					System.clearProperty(AotDetector.AOT_ENABLED);
				}
			});
		}
		finally {
			upstream.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	private static SpringApplicationBuilder application() {
		return TestGrpcServer.BOOT.application(AotApplication.class).properties(PROPERTIES);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AotApplication {

	}

}
