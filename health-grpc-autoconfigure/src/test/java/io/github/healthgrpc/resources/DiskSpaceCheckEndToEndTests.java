package io.github.healthgrpc.resources;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that disk space needs nothing of health-grpc's own: Spring Boot's
 * {@code DiskSpaceHealthIndicator} (the contributor {@code diskSpace}, on by default with
 * Actuator) is a check that a service includes by name, on either server, with Boot's
 * {@code management.health.diskspace.*} settings deciding when it fails.
 */
class DiskSpaceCheckEndToEndTests {

	@Test
	void aServiceThatIncludesDiskSpaceServesWhileTheDiskHasRoom() throws Exception {
		try (RunningService disk = new RunningService(TestGrpcServer.BOOT, "demo.Files", "diskSpace",
				"management.health.diskspace.threshold=1MB")) {
			await().until(() -> disk.status() == ServingStatus.SERVING);
			assertThat(disk.result().getStatus()).isEqualTo(Status.UP);
			assertThat(disk.result().getDetails()).containsKeys("free", "total", "threshold", "path");
		}
	}

	@Test
	void aServiceThatIncludesDiskSpaceIsNotServingBelowBootsThreshold() throws Exception {
		// More free space than any disk has.
		try (RunningService disk = new RunningService(TestGrpcServer.DEVH, "demo.Files", "diskSpace",
				"management.health.diskspace.threshold=100000TB", "grpc.health.checks.diskSpace.interval=200ms")) {
			await().until(() -> disk.result() != null);
			assertThat(disk.result().getStatus()).isEqualTo(Status.DOWN);
			assertThat((long) disk.result().getDetails().get("free"))
				.isLessThan((long) disk.result().getDetails().get("threshold"));
			assertThat(disk.status()).isEqualTo(ServingStatus.NOT_SERVING);
		}
	}

}
