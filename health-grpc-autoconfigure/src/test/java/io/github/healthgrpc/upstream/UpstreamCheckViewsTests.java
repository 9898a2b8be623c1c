package io.github.healthgrpc.upstream;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.actuate.GrpcHealthIndicator;
import io.github.healthgrpc.file.HealthFileContent;
import io.github.healthgrpc.server.TestGrpcServer;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upstream check in every view of one application, like any check: the {@code grpc}
 * component of {@code /actuator/health} lists it among its service's checks and names it
 * as the reason, the gauge {@code grpc.health.check.up} follows it, and the health file
 * tells its service's status, and the log gives its details. The upstream is grpc-java's
 * own HealthStatusManager.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpstreamCheckViewsTests {

	@TempDir
	private Path directory;

	private Server upstream;

	private TestGrpcServer.Started downstream;

	@AfterEach
	void close() throws InterruptedException {
		if (this.downstream != null) {
			this.downstream.close();
		}
		if (this.upstream != null) {
			this.upstream.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void anUpstreamCheckIsInTheActuatorMirrorTheMetricsTheHealthFileAndTheLog(CapturedOutput output) throws Exception {
		HealthStatusManager health = new HealthStatusManager();
		health.setStatus("demo.Stock", ServingStatus.SERVING);
		this.upstream = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(health.getHealthService())
			.build()
			.start();
		Path file = this.directory.resolve("health.json");
		this.downstream = TestGrpcServer.BOOT.start(Downstream.class, "grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.upstreams.stock.target=127.0.0.1:" + this.upstream.getPort(),
				"grpc.health.upstreams.stock.service=demo.Stock", "grpc.health.services.demo.Orders.include=stock",
				"grpc.health.file.path=" + file);
		ApplicationContext context = this.downstream.context();
		await().untilAsserted(() -> {
			assertThat(orders(context)).containsEntry("status", "SERVING")
				.containsEntry("checks", Map.of("stock", "UP"));
			assertThat(upGauge(context)).isEqualTo(1.0);
			assertThat(HealthFileContent.read(file).services()).containsEntry("demo.Orders", "SERVING");
		});
		health.setStatus("demo.Stock", ServingStatus.NOT_SERVING);
		await().untilAsserted(() -> {
			assertThat(orders(context)).containsEntry("status", "NOT_SERVING")
				.containsEntry("reason", "stock is DOWN")
				.containsEntry("checks", Map.of("stock", "DOWN"));
			assertThat(upGauge(context)).isEqualTo(0.0);
			assertThat(HealthFileContent.read(file).services()).containsEntry("demo.Orders", "NOT_SERVING");
		});
		// The result the views read, with the details the check gives it: the views show
		// no detail of a check but a warning and observed values (docs/actuator.md), the
		// log shows them all.
		String upstream = "127.0.0.1:" + this.upstream.getPort();
		Health result = context.getBean(StatusStore.class).checkResult("stock");
		assertThat(result.getDetails()).containsEntry("upstream", upstream)
			.containsEntry("service", "demo.Stock")
			.containsEntry("reason", "the upstream says NOT_SERVING");
		assertThat(output).contains("Health check 'stock' is DOWN: {upstream=" + upstream
				+ ", service=demo.Stock, reason=the upstream says NOT_SERVING, status=NOT_SERVING}");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> orders(ApplicationContext context) {
		Health mirror = context.getBean(GrpcHealthIndicator.class).health();
		return ((Map<String, Map<String, Object>>) mirror.getDetails().get("services")).get("demo.Orders");
	}

	private static double upGauge(ApplicationContext context) {
		return context.getBean(MeterRegistry.class).get("grpc.health.check.up").tag("check", "stock").gauge().value();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Downstream {

	}

}
