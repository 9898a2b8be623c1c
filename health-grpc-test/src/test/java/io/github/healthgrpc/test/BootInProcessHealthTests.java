package io.github.healthgrpc.test;

import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.AutoConfigureTestGrpcTransport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.GrpcServerFactory;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health on Spring Boot's gRPC server, in-process with {@code spring-boot-grpc-test}'s
 * transport: no port is opened, and Check answers over the in-process channel. The
 * context closes after the class: Spring Boot 4.1's test transport serves every context
 * under one in-process name (spring-boot#50860), so only one such context can run at a
 * time.
 */
@SpringBootTest(classes = InventoryApplication.class, properties = InventoryApplication.DEVH_OFF)
@AutoConfigureTestGrpcTransport
@DirtiesContext
class BootInProcessHealthTests {

	@Autowired
	private GrpcChannelFactory channels;

	@Autowired
	private HealthGrpcTester health;

	private ManagedChannel channel;

	@BeforeEach
	void openChannel() {
		this.channel = this.channels.createChannel("in-process");
	}

	@AfterEach
	void closeChannel() {
		this.channel.shutdownNow();
	}

	@Test
	void theServerIsInProcessOnly(ApplicationContext context) {
		assertThat(context.getBeansOfType(GrpcServerFactory.class).values()).singleElement()
			.extracting((factory) -> factory.getClass().getSimpleName())
			.isEqualTo("TestGrpcServerFactory");
	}

	@Test
	void healthAnswersOverTheInProcessChannelAndFollowsASimulatedOutage() {
		InProcessHealth.answersAndFollowsASimulatedOutage(this.channel, this.health);
	}

}
