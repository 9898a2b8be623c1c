package io.github.healthgrpc.test;

import java.time.Duration;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health on devh's gRPC server, in-process only ({@code grpc.server.in-process-name} with
 * {@code grpc.server.port=-1}): Check answers over an in-process channel of that name.
 */
@SpringBootTest(classes = InventoryApplication.class,
		properties = { InventoryApplication.BOOT_OFF, "grpc.server.in-process-name=inventory",
				"grpc.server.port=-1" })
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
		await().atMost(Duration.ofSeconds(10)).until(() -> check("demo.Inventory") == ServingStatus.SERVING);
		this.health.check("db").down();
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
		this.health.check("db").restore();
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
	}

	private ServingStatus check(String service) {
		return HealthGrpc.newBlockingStub(this.channel)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

}
