package io.github.healthgrpc.sample;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in probe services of the sample, whose liveness and readiness groups are
 * Spring Boot's defaults: a dependency that is down takes out the gRPC service that needs
 * it, and neither probe.
 */
class ProbeServicesEndToEndTests extends AbstractSampleServerTests {

	@LocalServerPort
	int httpPort;

	@Test
	void withPricingDownLivenessAndReadinessServeWhileInventoryDoesNot() throws Exception {
		pricingDown();
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("readiness")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(ActuatorHealth.statusCode(this.httpPort, "/actuator/health/liveness")).isEqualTo(200);
		assertThat(ActuatorHealth.statusCode(this.httpPort, "/actuator/health/readiness")).isEqualTo(200);
	}

	@Test
	void aProbeOnANewConnectionEachTimeGetsTheSameAnswers() {
		pricingDown();
		KubeletProbe kubelet = new KubeletProbe(this.grpcServerPort.get());
		assertThat(kubelet.probe("liveness")).isEqualTo("SERVING");
		assertThat(kubelet.probe("readiness")).isEqualTo("SERVING");
		assertThat(kubelet.probe("demo.Inventory")).isEqualTo("NOT_SERVING");
	}

}
