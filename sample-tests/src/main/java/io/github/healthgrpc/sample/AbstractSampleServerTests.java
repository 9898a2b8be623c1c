package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The whole sample (whichever {@link SampleServer} the test class path holds; Spring Boot
 * finds its {@code @SpringBootApplication} class) on random ports (gRPC and HTTP), alone
 * ({@link SampleServer#aloneProperties()}), with a real pricing listener that tests open
 * and close, and a plain-text channel to the gRPC server. Subclasses share one
 * application context, so every test sets the pricing state it needs first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(AbstractSampleServerTests.GrpcServerPortConfiguration.class)
abstract class AbstractSampleServerTests {

	/** How long a status may take to follow a change: the pricing check runs every 1s. */
	static final Duration PATIENCE = Duration.ofSeconds(15);

	static final PricingServer pricing = PricingServer.onFreePort();

	@Autowired
	GrpcServerPort<?> grpcServerPort;

	ManagedChannel channel;

	@DynamicPropertySource
	static void loopbackPorts(DynamicPropertyRegistry registry) {
		SampleServer.get().grpcServerProperties(0).forEach((name, value) -> registry.add(name, () -> value));
		SampleServer.get().aloneProperties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("sample.pricing.address", pricing::address);
	}

	@BeforeEach
	void openChannel() {
		this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.grpcServerPort.get()).usePlaintext().build();
	}

	@AfterEach
	void closeChannel() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@AfterAll
	static void leavePricingDown() {
		// The next class reuses the cached context: start it from a known state.
		pricing.close();
	}

	/**
	 * Check one service with grpc-java's own health stub.
	 */
	ServingStatus check(String service) {
		return HealthCheckCall.check(this.channel, service);
	}

	void awaitStatus(String service, ServingStatus expected) {
		await().atMost(PATIENCE).until(() -> check(service), (status) -> status == expected);
	}

	/**
	 * Open the pricing listener and wait until {@code demo.Inventory} has seen it.
	 */
	void pricingUp() {
		pricing.open();
		awaitStatus("demo.Inventory", ServingStatus.SERVING);
	}

	/**
	 * Close the pricing listener and wait until {@code demo.Inventory} has seen it.
	 */
	void pricingDown() {
		pricing.close();
		awaitStatus("demo.Inventory", ServingStatus.NOT_SERVING);
	}

	/**
	 * The sample's own listener for the port its gRPC server bound.
	 */
	@Configuration(proxyBeanMethods = false)
	static class GrpcServerPortConfiguration {

		@Bean
		GrpcServerPort<?> grpcServerPort() {
			return SampleServer.get().newPortListener();
		}

	}

}
