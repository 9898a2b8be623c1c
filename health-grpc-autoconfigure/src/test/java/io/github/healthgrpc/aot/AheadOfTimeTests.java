package io.github.healthgrpc.aot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with a {@code @HealthCheck} bean, processed ahead of time the way Spring
 * Boot's build plugins process one ({@code SpringApplicationAotProcessor}: run until the
 * context is loaded, generate its initializer and hints), compiled, and started in AOT
 * mode on the JVM with Spring Boot's gRPC server on a random port: the check's result
 * reaches a real Check call. The hints the processing produced are those a native image
 * needs. The generated code calls package-private {@code @Bean} methods, so the test runs
 * in a class loader shared with the compiled classes.
 */
@CompileWithForkedClassLoader
class AheadOfTimeTests {

	private static final String[] PROPERTIES = { "grpc.health.services[demo.Pricing].include=pricing",
			"grpc.health.checks.pricing.interval=200ms", "grpc.health.shutdown.drain-delay=0s" };

	// Processing takes seconds: both tests share one.
	private static TestGenerationContext generation;

	private static ClassName initializer;

	@BeforeAll
	static void processAheadOfTime() {
		generation = new TestGenerationContext(AotApplication.class);
		initializer = new ApplicationContextAotGenerator().processAheadOfTime(AotProcessing.loaded(application()),
				generation);
		generation.writeGeneratedContent();
	}

	@Test
	void aHealthCheckMethodOfAnApplicationProcessedAheadOfTimeAnswersCheckCallsInAotMode() {
		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			System.setProperty(AotDetector.AOT_ENABLED, "true");
			try (TestGrpcServer.Started started = TestGrpcServer.BOOT
				.start(application().initializers(AotProcessing.aotInitializer(initializer)))) {
				assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
				ManagedChannel channel = Grpc
					.newChannelBuilderForAddress("127.0.0.1", started.port(), InsecureChannelCredentials.create())
					.build();
				try {
					await().atMost(Duration.ofSeconds(10)).until(() -> check(channel), ServingStatus.SERVING::equals);
					started.context().getBean(PricingCheck.class).up.set(false);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> check(channel), ServingStatus.NOT_SERVING::equals);
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

	@Test
	void theProcessingGivesANativeImageTheHintsToInvokeHealthCheckMethodsAndToReadTheHealthMessages() {
		RuntimeHints hints = generation.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PricingCheck.class, "pricingReachable"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(HealthCheckResponse.class, "getStatus"))
			.accepts(hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(HealthCheckRequest.Builder.class, "setService"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration")))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("net.devh.boot.grpc.server.autoconfigure.GrpcHealthServiceAutoConfiguration")))
			.accepts(hints);
	}

	private static SpringApplicationBuilder application() {
		return TestGrpcServer.BOOT.application(AotApplication.class).properties(PROPERTIES);
	}

	private static ServingStatus check(ManagedChannel channel) {
		return HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService("demo.Pricing").build())
			.getStatus();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AotApplication {

		@Bean
		PricingCheck pricingCheck() {
			return new PricingCheck();
		}

	}

	static class PricingCheck {

		final AtomicBoolean up = new AtomicBoolean(true);

		@HealthCheck("pricing")
		boolean pricingReachable() {
			return this.up.get();
		}

	}

}
