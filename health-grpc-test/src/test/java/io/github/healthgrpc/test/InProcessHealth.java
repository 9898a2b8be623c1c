package io.github.healthgrpc.test;

import java.time.Duration;

import io.grpc.Channel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What both servers' in-process tests check with a real Health client: Check answers over
 * the in-process channel, and follows a simulated outage and its restore at once.
 */
final class InProcessHealth {

	private InProcessHealth() {
	}

	static void answersAndFollowsASimulatedOutage(Channel channel, HealthGrpcTester health) {
		await().atMost(Duration.ofSeconds(10)).until(() -> check(channel, "demo.Inventory") == ServingStatus.SERVING);
		health.check("db").down();
		assertThat(check(channel, "demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
		health.check("db").restore();
		assertThat(check(channel, "demo.Inventory")).isEqualTo(ServingStatus.SERVING);
	}

	private static ServingStatus check(Channel channel, String service) {
		return HealthGrpc.newBlockingStub(channel)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

}
