package io.github.healthgrpc.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.ByteArrayMarshaller;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.micrometer.core.instrument.binder.grpc.GrpcServerObservationContext;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
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
 * Proves, on each supported server with its real observation interceptor (Micrometer's
 * {@code ObservationGrpcServerInterceptor}, which both install where there is an
 * observation registry), that calls to {@code grpc.health.v1.Health} are left out of the
 * server's observations by default and observed with
 * {@code grpc.health.observations.health-calls=true}, while the application's own
 * services are observed either way. Health goes through the global interceptors here
 * ({@code allow-unauthenticated=false}); by default it skips them, observation included.
 */
class HealthCallObservationsTests {

	private static final MethodDescriptor<byte[], byte[]> ECHO = ByteArrayMarshaller.method("test.Echo/Say",
			MethodDescriptor.MethodType.UNARY);

	@AutoClose
	private final ServerFixture fixture = new ServerFixture();

	private ManagedChannel channel;

	@ParameterizedTest
	@EnumSource
	void byDefaultHealthCallsAreNotObservedAndOtherCallsAre(TestGrpcServer server) {
		TestObservationRegistry registry = start(server);
		callBoth();
		await().until(() -> !observedServices(registry).isEmpty());
		assertThat(observedServices(registry)).containsExactly("test.Echo");
	}

	@ParameterizedTest
	@EnumSource
	void whenAskedHealthCallsAreObservedToo(TestGrpcServer server) {
		TestObservationRegistry registry = start(server, "grpc.health.observations.health-calls=true");
		callBoth();
		await().untilAsserted(() -> assertThat(observedServices(registry))
			.containsExactlyInAnyOrder("grpc.health.v1.Health", "test.Echo"));
	}

	private TestObservationRegistry start(TestGrpcServer server, String... properties) {
		this.fixture.start(server,
				server.application(ObservedServer.class)
					.properties("grpc.health.shutdown.drain-delay=0s",
							"grpc.health.security.allow-unauthenticated=false")
					.properties(properties));
		this.channel = this.fixture.channel();
		return this.fixture.started().context().getBean(TestObservationRegistry.class);
	}

	private void callBoth() {
		HealthGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.check(HealthCheckRequest.getDefaultInstance());
		ClientCalls.blockingUnaryCall(this.channel, ECHO, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
				new byte[] { 42 });
	}

	// The server's observations, by service: the registry keeps every context it handled.
	private static List<String> observedServices(TestObservationRegistry registry) {
		List<String> services = new ArrayList<>();
		registry.assertThat()
			.hasHandledContextsThatSatisfy((contexts) -> contexts.stream()
				.filter(GrpcServerObservationContext.class::isInstance)
				.map((context) -> ((GrpcServerObservationContext) context).getServiceName())
				.forEach(services::add));
		return services;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ObservedServer {

		@Bean
		ObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		@GrpcService
		BindableService echoService() {
			return () -> ServerServiceDefinition.builder("test.Echo")
				.addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
					response.onNext(request);
					response.onCompleted();
				}))
				.build();
		}

	}

}
