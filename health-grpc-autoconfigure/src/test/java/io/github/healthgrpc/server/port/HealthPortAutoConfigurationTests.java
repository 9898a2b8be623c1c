package io.github.healthgrpc.server.port;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.server.port.HealthPortAutoConfiguration;
import io.github.healthgrpc.grpc.ByteArrayMarshaller;
import io.github.healthgrpc.grpc.HealthCheckCall;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The health port's auto-configuration: off by default, a plaintext server serving only
 * the application's Health service when {@code grpc.health.port} is set, bound where
 * {@code grpc.health.address} says, backing off, restartable, and stopping startup with
 * the property's name when the port cannot be used. With both servers on a real TLS main
 * server: {@code HealthPortTlsServerTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthPortAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class, HealthPortAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	private static final MethodDescriptor<byte[], byte[]> OTHER_SERVICE = ByteArrayMarshaller
		.method("grpc.reflection.v1.ServerReflection/ServerReflectionInfo", MethodDescriptor.MethodType.UNARY);

	@AutoClose
	private final HealthPortClient client = new HealthPortClient();

	@Test
	void theHealthPortIsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthPortServer.class));
	}

	@Test
	void theHealthPortIsOffWhileHealthGrpcIsDisabled() {
		this.contextRunner.withPropertyValues("grpc.health.enabled=false", "grpc.health.port=0")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthPortServer.class));
	}

	@Test
	void withThePortSetAPlaintextServerAnswersHealthFromTheApplicationsStoreAndSaysWhereItListens(
			CapturedOutput output) {
		this.contextRunner.withPropertyValues("grpc.health.port=0").run((context) -> {
			int port = context.getBean(HealthPortServer.class).getPort();
			assertThat(port).isPositive();
			assertThat(output).contains("gRPC health listening on port " + port);
			ManagedChannel channel = this.client.plaintext("127.0.0.1", port);
			// Not ready in a context runner: the store says NOT_SERVING, and so does the
			// port.
			assertThat(HealthCheckCall.check(channel, "")).isEqualTo(ServingStatus.NOT_SERVING);
			assertThat(HealthPortClient.list(channel)).containsOnlyKeys("", "liveness", "readiness");
		});
	}

	@Test
	void theHealthPortServesNothingButHealth() {
		this.contextRunner.withPropertyValues("grpc.health.port=0").run((context) -> {
			ManagedChannel channel = this.client.plaintext("127.0.0.1", port(context));
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> ClientCalls.blockingUnaryCall(channel, OTHER_SERVICE,
						CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[0]))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
		});
	}

	@Test
	void theHealthPortServesTheSameHealthServiceAsTheMainServerSoItsWatchCallsCountAgainstTheSameLimits() {
		this.contextRunner.withPropertyValues("grpc.health.port=0").run((context) -> {
			HealthGrpcService service = context.getBean(HealthGrpcService.class);
			try (WatchRecorder watch = WatchRecorder
				.watch(HealthGrpc.newStub(this.client.plaintext("127.0.0.1", port(context))), "")) {
				assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
				assertThat(service.watcherCount()).isEqualTo(1);
			}
		});
	}

	@Test
	void theHealthPortBindsOnlyTheAddressItIsGiven() {
		// Linux routes all of 127.0.0.0/8 to the loopback interface.
		this.contextRunner.withPropertyValues("grpc.health.port=0", "grpc.health.address=127.0.0.2").run((context) -> {
			int port = port(context);
			assertThat(HealthCheckCall.check(this.client.plaintext("127.0.0.2", port), ""))
				.isEqualTo(ServingStatus.NOT_SERVING);
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> HealthCheckCall.check(this.client.plaintext("127.0.0.1", port), ""))
				.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
		});
	}

	@Test
	void aStopEndsTheHealthPortsWatchCallsAndStopsListeningAndAStartListensAgain() {
		this.contextRunner.withPropertyValues("grpc.health.port=0").run((context) -> {
			HealthPortServer server = context.getBean(HealthPortServer.class);
			WatchRecorder watch = WatchRecorder
				.watch(HealthGrpc.newStub(this.client.plaintext("127.0.0.1", server.getPort())), "");
			assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
			context.stop();
			watch.awaitCompleted();
			assertThat(server.isRunning()).isFalse();
			assertThat(server.getPort()).isEqualTo(-1);
			context.start();
			assertThat(HealthCheckCall.check(this.client.plaintext("127.0.0.1", server.getPort()), ""))
				.isEqualTo(ServingStatus.NOT_SERVING);
		});
	}

	@Test
	void anApplicationsOwnHealthPortServerReplacesHealthGrpcs() {
		this.contextRunner.withPropertyValues("grpc.health.port=0")
			.withBean("myHealthPort", HealthPortServer.class,
					() -> new HealthPortServer(new HealthGrpcService(new StatusStore(), 1),
							InetAddress.getLoopbackAddress(), 0))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(HealthPortServer.class)
				.hasBean("myHealthPort"));
	}

	@Test
	void aNegativePortStopsStartupNamingTheProperty() {
		assertInvalid("grpc.health.port=-1", "grpc.health.port", "from 0 to 65535");
	}

	@Test
	void aPortAbove65535StopsStartupNamingTheProperty() {
		assertInvalid("grpc.health.port=65536", "grpc.health.port", "from 0 to 65535");
	}

	@Test
	void anEmptyPortStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("grpc.health.port=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(find(context.getStartupFailure(), UnboundConfigurationPropertiesException.class)
				.getUnboundProperties()).extracting((property) -> property.getName().toString())
				.containsExactly("grpc.health.port");
		});
	}

	@Test
	void anEmptyPortInTheEnvironmentStopsStartupNamingTheProperty() {
		// Spring Boot does not check environment variables for unbound values.
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test", Map.of("GRPC_HEALTH_PORT", ""))))
			.run((context) -> assertInvalid(context, "grpc.health.port", "It is empty"));
	}

	@Test
	void anAddressWithoutAPortStopsStartupNamingTheAddress() {
		assertInvalid("grpc.health.address=127.0.0.1", "grpc.health.address", "Set grpc.health.port too");
	}

	@Test
	void aPortInUseStopsStartupNamingThePropertyToChange() throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			this.contextRunner.withPropertyValues("grpc.health.port=" + taken.getLocalPort()).run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalyzedException failure = find(context.getStartupFailure(), FailureAnalyzedException.class);
				assertThat(failure.analysis().getDescription())
					.contains("gRPC health could not listen on every interface, port " + taken.getLocalPort())
					.contains("grpc.health.port=" + taken.getLocalPort());
				assertThat(failure.analysis().getAction()).contains("Set grpc.health.port to a free port")
					.contains("differs from the main gRPC server's port");
			});
		}
	}

	private void assertInvalid(String property, String name, String reason) {
		this.contextRunner.withPropertyValues(property).run((context) -> assertInvalid(context, name, reason));
	}

	private static void assertInvalid(AssertableApplicationContext context, String name, String reason) {
		assertThat(context).hasFailed();
		InvalidConfigurationPropertyValueException failure = find(context.getStartupFailure(),
				InvalidConfigurationPropertyValueException.class);
		assertThat(failure.getName()).isEqualTo(name);
		assertThat(failure.getReason()).contains(reason);
	}

	private static int port(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(HealthPortServer.class).getPort();
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
	}

}
