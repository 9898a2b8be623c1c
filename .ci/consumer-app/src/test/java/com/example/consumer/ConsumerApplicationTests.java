package com.example.consumer;

import java.time.Duration;

import io.github.healthgrpc.test.HealthGrpcTester;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.beans.factory.annotation.Autowired;

import static io.github.healthgrpc.test.HealthGrpcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class ConsumerApplicationTests {

	@Autowired
	ServerPort serverPort;

	@Autowired
	HealthGrpcTester health;

	@Test
	void healthAnswersForTheMappedServiceOverARealChannel() {
		int port = this.serverPort.port;
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
		try {
			HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(channel);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(
						stub.check(HealthCheckRequest.newBuilder().setService("demo.Orders").build()).getStatus())
					.isEqualTo(ServingStatus.SERVING));
			// health-grpc-test, as a user's suite has it: an outage simulated, seen by a real Check.
			this.health.check("answers").down();
			assertThat(this.health).service("demo.Orders").becomesNotServingWithin(Duration.ofSeconds(2));
			assertThat(stub.check(HealthCheckRequest.newBuilder().setService("demo.Orders").build()).getStatus())
				.isEqualTo(ServingStatus.NOT_SERVING);
		}
		finally {
			channel.shutdownNow();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PortConfiguration {

		@Bean
		ServerPort serverPort() {
			return new ServerPort();
		}

	}

	static class ServerPort {

		volatile int port;

		@EventListener
		void started(GrpcServerStartedEvent event) {
			this.port = event.getPort();
		}

	}

}
