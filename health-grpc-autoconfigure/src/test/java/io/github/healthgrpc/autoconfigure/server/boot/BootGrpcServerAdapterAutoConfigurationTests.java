package io.github.healthgrpc.autoconfigure.server.boot;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerAdapterTests;
import io.github.healthgrpc.server.TestGrpcServer;
import io.github.healthgrpc.server.boot.BootGrpcServer;
import io.github.healthgrpc.server.boot.BootServerShutdown;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryCustomizer;
import org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.grpc.server.DefaultGrpcServerFactory;
import org.springframework.grpc.server.GrpcServerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter for Spring Boot's own gRPC server: active exactly when that server is
 * switched on, and what it does there.
 */
class BootGrpcServerAdapterAutoConfigurationTests extends GrpcServerAdapterTests {

	private static final AutoConfigurations SERVER = AutoConfigurations.of(SslAutoConfiguration.class,
			GrpcServerAutoConfiguration.class, GrpcServerHealthAutoConfiguration.class);

	private static final ApplicationContextRunner ADAPTER_ONLY = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HealthGrpcAutoConfiguration.class, BootGrpcServerAdapterAutoConfiguration.class))
		.withInitializer((context) -> new BootHealthServiceEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()));

	private static final ApplicationContextRunner RUNNER = ADAPTER_ONLY.withConfiguration(SERVER)
		.withPropertyValues("spring.grpc.server.port=0", "spring.grpc.server.address=127.0.0.1",
				"grpc.health.shutdown.drain-delay=0s");

	private static final ServerServiceDefinition OTHER = ServerServiceDefinition.builder("demo.Other").build();

	private static final ServerInterceptor ANY = new ServerInterceptor() {

		@Override
		public <ReqT, RespT> io.grpc.ServerCall.Listener<ReqT> interceptCall(io.grpc.ServerCall<ReqT, RespT> call,
				io.grpc.Metadata headers, io.grpc.ServerCallHandler<ReqT, RespT> next) {
			return next.startCall(call, headers);
		}

	};

	BootGrpcServerAdapterAutoConfigurationTests() {
		super(TestGrpcServer.BOOT, RUNNER, ADAPTER_ONLY, BootGrpcServer.class, BootServerShutdown.class,
				"org.springframework.boot.grpc.server.", "spring.grpc.server.health.enabled");
	}

	@Override
	protected void assertHealthBypassesGlobalInterceptors(AssertableApplicationContext context, boolean bypassed) {
		assertThat(context).hasNotFailed();
		// Spring gRPC asks the server factory which global interceptors apply to a
		// service.
		GrpcServerFactory factory = context.getBean(GrpcServerFactory.class);
		assertThat(factory.supports(ANY, ServerServiceDefinition.builder(HealthGrpc.SERVICE_NAME).build()))
			.isEqualTo(!bypassed);
		assertThat(factory.supports(ANY, OTHER)).isTrue();
	}

	@Test
	void whenSpringBootsGrpcServerIsSwitchedOffThenTheAdapterBacksOff() {
		RUNNER.withPropertyValues("spring.grpc.server.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GrpcServerAdapter.class);
			assertThat(context).doesNotHaveBean(GrpcServerFactory.class);
		});
	}

	@Test
	void whenGrpcIsServedByTheWebServerThenStartupFailsSayingHowToFixIt() {
		// Without server.http2.enabled the servlet registration would fail on its own:
		// this failure comes before it, as soon as every bean is defined.
		servletRunner().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(FailureAnalyzedException.class)
				.hasMessageContaining("does not support Spring Boot's servlet gRPC transport")
				.satisfies((ex) -> assertThat(((FailureAnalyzedException) ex).analysis().getAction())
					.contains("spring.grpc.server.servlet.enabled=false")
					.contains("grpc.health.enabled=false"));
		});
	}

	@Test
	void whenTheServletTransportIsSwitchedOffInAWebApplicationThenSpringBootsOwnServerIsServed() {
		servletRunner().withPropertyValues("spring.grpc.server.servlet.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(BootGrpcServer.class);
			assertThat(context).hasSingleBean(GrpcServerFactory.class);
		});
	}

	@Test
	void whenAnApplicationCustomizerReplacesTheInterceptorFilterThenStartupFailsNamingTheProperty() {
		RUNNER
			.withBean(GrpcServerFactoryCustomizer.class,
					() -> (factory) -> ((DefaultGrpcServerFactory<?>) factory)
						.setInterceptorFilter((interceptor, service) -> true))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.isInstanceOf(FailureAnalyzedException.class)
					.hasMessageContaining("grpc.health.security.allow-unauthenticated is true")
					.hasMessageContaining("would apply global server interceptors to grpc.health.v1.Health");
			});
	}

	@Test
	void whenTheApplicationsOwnInterceptorFilterAlsoLeavesHealthOutThenHealthStillBypassesGlobalInterceptors() {
		RUNNER
			.withBean(GrpcServerFactoryCustomizer.class,
					() -> (factory) -> ((DefaultGrpcServerFactory<?>) factory).setInterceptorFilter((interceptor,
							service) -> !HealthInterceptorExclusion.isHealth(service) && interceptor != ANY))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(GrpcServerFactory.class).supports(ANY, OTHER)).isFalse();
			});
	}

	private static WebApplicationContextRunner servletRunner() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class,
					BootGrpcServerAdapterAutoConfiguration.class))
			.withConfiguration(SERVER)
			.withPropertyValues("spring.grpc.server.port=0", "spring.grpc.server.health.enabled=false",
					"grpc.health.shutdown.drain-delay=0s");
	}

}
