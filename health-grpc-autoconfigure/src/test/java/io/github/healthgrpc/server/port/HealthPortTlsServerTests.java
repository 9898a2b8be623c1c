package io.github.healthgrpc.server.port;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.HealthCheckCall;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.StalledReader;
import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import net.devh.boot.grpc.server.service.GrpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Health on its own port beside a main server that requires TLS, on each server: a
 * plaintext probe is refused on the main port and answered on the health port with what a
 * TLS client hears on the main port; changes reach its watchers; the drain tells them
 * NOT_SERVING and completes them before the port stops listening; and the health port
 * counts against the same Watch limits as the main port.
 */
class HealthPortTlsServerTests {

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(1);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@TempDir
	static Path folder;

	private static TestCertificate certificate;

	@AutoClose
	private final HealthPortClient client = new HealthPortClient();

	private final List<WatchRecorder> watches = new ArrayList<>();

	private TestGrpcServer.Started started;

	private int healthPort;

	@BeforeAll
	static void createCertificate() throws Exception {
		certificate = TestCertificate.createIn(folder);
	}

	@AfterEach
	void close() {
		this.watches.forEach(WatchRecorder::close);
		if (this.started != null) {
			this.started.close();
		}
	}

	@ParameterizedTest
	@EnumSource
	void aPlaintextProbeIsRefusedOnTheTlsMainPortAndAnsweredOnTheHealthPortWithWhatATlsClientHears(
			TestGrpcServer server) throws Exception {
		start(server);
		StatusRuntimeException refused = catchRefusal(
				() -> HealthCheckCall.check(this.client.plaintext("127.0.0.1", this.started.port()), ""));
		Map<String, ServingStatus> overTls = HealthPortClient.list(tls());
		Map<String, ServingStatus> onHealthPort = HealthPortClient.list(healthPort());
		System.out.printf("%s: plaintext Check on the TLS main port: %s; List over TLS %s, on the health port %s%n",
				server, refused.getStatus(), overTls, onHealthPort);

		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(overTls).containsEntry("", ServingStatus.SERVING)
			.containsEntry("demo.Inventory", ServingStatus.SERVING)
			.containsKey("grpc.health.v1.Health");
		assertThat(onHealthPort).isEqualTo(overTls);
		overTls.forEach((service, status) -> assertThat(HealthCheckCall.check(healthPort(), service))
			.as("Check %s on the health port", service)
			.isEqualTo(status));
		assertThat(watch(healthPort(), "demo.Inventory").next()).isEqualTo(ServingStatus.SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void aStatusChangeReachesAWatchOnTheHealthPortAsItReachesOneOnTheMainPort(TestGrpcServer server) throws Exception {
		start(server);
		WatchRecorder onHealthPort = watch(healthPort(), "demo.Inventory");
		WatchRecorder overTls = watch(tls(), "demo.Inventory");
		assertThat(onHealthPort.next()).isEqualTo(ServingStatus.SERVING);
		assertThat(overTls.next()).isEqualTo(ServingStatus.SERVING);

		stock().down("out of stock");
		assertThat(onHealthPort.next()).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(overTls.next()).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(HealthCheckCall.check(healthPort(), "demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);

		stock().up();
		assertThat(onHealthPort.next()).isEqualTo(ServingStatus.SERVING);
		assertThat(overTls.next()).isEqualTo(ServingStatus.SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void onCloseAHealthPortWatcherHearsNotServingThenCompletesAndThenThePortStopsListening(TestGrpcServer server)
			throws Exception {
		start(server);
		WatchRecorder watch = watch(healthPort(), "demo.Inventory");
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);

		long closeStarted = System.nanoTime();
		CompletableFuture<Long> closed = CompletableFuture.supplyAsync(() -> {
			this.started.close();
			return System.nanoTime();
		});
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		Duration told = since(closeStarted);
		ServingStatus duringDrain = HealthCheckCall.check(this.client.plaintext("127.0.0.1", this.healthPort),
				"demo.Inventory");
		watch.awaitCompleted();
		Duration completed = since(closeStarted);
		Duration closeTook = Duration.ofNanos(closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS) - closeStarted);
		this.started = null;
		System.out.printf(
				"%s, drain %d ms: health-port watcher told NOT_SERVING after %d ms, completed after %d ms, "
						+ "close() returned after %d ms%n",
				server, DRAIN_DELAY.toMillis(), told.toMillis(), completed.toMillis(), closeTook.toMillis());

		assertThat(duringDrain).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(told).isLessThan(DRAIN_DELAY.dividedBy(2));
		assertThat(completed).isBetween(DRAIN_DELAY, DRAIN_DELAY.plusSeconds(5));
		assertThat(closeTook).isBetween(DRAIN_DELAY, DRAIN_DELAY.plusSeconds(5));
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("127.0.0.1", this.healthPort));
	}

	@ParameterizedTest
	@EnumSource
	void aHealthPortWatcherThatStoppedReadingHoldsTheShutdownOnlyForTheHealthPortsGrace(TestGrpcServer server)
			throws Exception {
		start(server);
		StalledReader stalled = new StalledReader();
		HealthGrpc.newStub(this.client.plaintextWithTinyWindow("127.0.0.1", this.healthPort))
			.watch(HealthCheckRequest.getDefaultInstance(), stalled);
		await().atMost(PATIENCE).until(() -> stalled.received() > 0);
		long closeStarted = System.nanoTime();
		this.started.close();
		Duration closeTook = since(closeStarted);
		this.started = null;
		stalled.readAll();
		await().atMost(PATIENCE).until(() -> stalled.ended() != null);
		System.out.printf(
				"%s, a health-port watcher that stopped reading: close() returned after %d ms (drain %d ms, "
						+ "health port grace %d ms, main server grace 30 s); the stalled call ended %s%n",
				server, closeTook.toMillis(), DRAIN_DELAY.toMillis(), HealthPortServer.SHUTDOWN_GRACE.toMillis(),
				stalled.ended());

		assertThat(stalled.ended()).isIn("CANCELLED", "UNAVAILABLE");
		assertThat(closeTook).isBetween(DRAIN_DELAY, DRAIN_DELAY.plus(HealthPortServer.SHUTDOWN_GRACE).plusSeconds(3));
	}

	@ParameterizedTest
	@EnumSource
	void theHealthPortCountsAgainstTheSameWatchLimitsAsTheMainPort(TestGrpcServer server) throws Exception {
		start(server, "grpc.health.watch.max-watchers=5");
		ManagedChannel first = healthPort();
		List<WatchRecorder> onHealthPort = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			onHealthPort.add(watch(first, ""));
			assertThat(onHealthPort.get(i).next()).isEqualTo(ServingStatus.SERVING);
		}
		// Five Watch calls are open on the health port: the budget both ports share is
		// full.
		assertRefused(watch(first, ""), "grpc.health.watch.max-watchers");
		// A client of the main port is not locked out by whoever reaches the plaintext
		// port: the health-port connection holding the most gives way its oldest call.
		WatchRecorder overTls = watch(tls(), "");
		assertThat(overTls.next()).isEqualTo(ServingStatus.SERVING);
		assertRefused(onHealthPort.get(0), "held the most");
		assertThat(onHealthPort.subList(1, 5)).allMatch(WatchRecorder::isOpen);
		// So is a new client of the health port; the main port's client keeps its call.
		assertThat(watch(healthPort(), "").next()).isEqualTo(ServingStatus.SERVING);
		assertRefused(onHealthPort.get(1), "held the most");
		assertThat(this.started.context().getBean(HealthGrpcService.class).watcherCount()).isEqualTo(5);
		assertThat(overTls.isOpen()).isTrue();
	}

	@ParameterizedTest
	@EnumSource
	void aHealthPortEqualToTheMainPortStopsStartupNamingGrpcHealthPort(TestGrpcServer server) throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		assertThatException()
			.isThrownBy(() -> server.start(
					application(server, "grpc.health.port=" + port, TlsMainServer.portProperty(server) + "=" + port)))
			.satisfies((failure) -> {
				Throwable cause = failure;
				while (cause != null && !(cause instanceof FailureAnalyzedException)) {
					cause = cause.getCause();
				}
				assertThat(cause).as("a FailureAnalyzedException in %s", failure.toString()).isNotNull();
				String description = ((FailureAnalyzedException) cause).analysis().getDescription();
				System.out.printf("%s, health port equal to the main port: %s%n", server, description);
				assertThat(description).contains("grpc.health.port=" + port);
			});
	}

	private void start(TestGrpcServer server, String... properties) {
		this.started = server.start(application(server, properties));
		this.healthPort = this.started.context().getBean(HealthPortServer.class).getPort();
		stock().up();
		await().atMost(PATIENCE)
			.until(() -> HealthCheckCall.check(tls(), "demo.Inventory"), (status) -> status == ServingStatus.SERVING);
	}

	private static SpringApplicationBuilder application(TestGrpcServer server, String... properties) {
		return server.application(Application.class)
			.properties(TlsMainServer.properties(server, certificate))
			.properties("grpc.health.port=0", "grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms",
					"grpc.health.overall.include=stock", "grpc.health.services.demo.Inventory.include=stock")
			.properties(properties);
	}

	private ManualHealthCheck stock() {
		return this.started.context().getBean(ManualHealthCheck.class);
	}

	private ManagedChannel healthPort() {
		return this.client.plaintext("127.0.0.1", this.healthPort);
	}

	private ManagedChannel tls() throws IOException {
		return this.client.channel("127.0.0.1", this.started.port(),
				TlsChannelCredentials.newBuilder().trustManager(certificate.certificate().toFile()).build());
	}

	private WatchRecorder watch(ManagedChannel channel, String service) {
		WatchRecorder watch = WatchRecorder.watch(HealthGrpc.newStub(channel), service);
		this.watches.add(watch);
		return watch;
	}

	private static void assertRefused(WatchRecorder watch, String limit) throws InterruptedException {
		Status status = Status.fromThrowable(watch.awaitEnded());
		assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		assertThat(status.getDescription()).contains(limit);
	}

	private static StatusRuntimeException catchRefusal(Runnable call) {
		try {
			call.run();
		}
		catch (StatusRuntimeException ex) {
			return ex;
		}
		throw new AssertionError("A plaintext call to the TLS main port was answered");
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * {@code demo.Inventory}, whose health follows the manual check {@code stock}.
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
		ManualHealthCheck stock() {
			return new ManualHealthCheck("stock");
		}

	}

}
