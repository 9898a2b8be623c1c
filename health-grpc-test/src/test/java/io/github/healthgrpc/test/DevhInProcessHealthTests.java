package io.github.healthgrpc.test;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Health on devh's gRPC server, in-process only ({@code grpc.server.in-process-name} with
 * {@code grpc.server.port=-1}): Check answers over an in-process channel of that name.
 */
@SpringBootTest(classes = InventoryApplication.class,
		properties = { InventoryApplication.BOOT_OFF, "grpc.server.in-process-name=inventory", "grpc.server.port=-1" })
class DevhInProcessHealthTests {

	@Autowired
	private HealthGrpcTester health;

	private ManagedChannel channel;

	@BeforeEach
	void openChannel() {
		this.channel = InProcessChannelBuilder.forName("inventory").directExecutor().build();
	}

	@AfterEach
	void closeChannel() {
		this.channel.shutdownNow();
	}

	@Test
	void healthAnswersOverTheInProcessChannelAndFollowsASimulatedOutage() {
		InProcessHealth.answersAndFollowsASimulatedOutage(this.channel, this.health);
	}

}
