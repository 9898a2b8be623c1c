package io.github.healthgrpc.metrics;

import java.time.Duration;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.engine.UninterruptibleHang;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthGrpcMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class));

	@Test
	void whenMicrometerIsPresentThenTheMetricsAreABinderBean() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(HealthGrpcMetrics.class)
			.getBean(HealthGrpcMetrics.class)
			.isInstanceOf(MeterBinder.class));
	}

	@Test
	void whenMicrometerIsAbsentThenThereAreNoMetrics() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthGrpcMetrics.class));
	}

	@Test
	void whenACheckIsStuckThenTheMetersCountItAndItsWrittenOffThread() {
		UninterruptibleHang hang = new UninterruptibleHang();
		try {
			this.contextRunner.withBean(HangingCheck.class, () -> new HangingCheck(hang))
				.withPropertyValues("grpc.health.shutdown.drain-delay=0s", "grpc.health.defaults.interval=100ms",
						"grpc.health.defaults.timeout=100ms")
				.run((context) -> {
					SimpleMeterRegistry registry = new SimpleMeterRegistry();
					context.getBean(HealthGrpcMetrics.class).bindTo(registry);
					await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
						assertThat(registry.get("grpc.health.checks.stuck").gauge().value()).isOne();
						assertThat(registry.get("grpc.health.checks.threads.written.off").functionCounter().count())
							.isOne();
					});
					hang.release();
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(
								() -> assertThat(registry.get("grpc.health.checks.stuck").gauge().value()).isZero());
				});
		}
		finally {
			hang.release();
		}
	}

	@Test
	void whenTheUserDefinesMetricsThenOursBackOff() {
		this.contextRunner.withBean("custom", HealthGrpcMetrics.class, () -> null)
			.run((context) -> assertThat(context).getBeanNames(HealthGrpcMetrics.class).containsExactly("custom"));
	}

	static class HangingCheck {

		private final UninterruptibleHang hang;

		HangingCheck(UninterruptibleHang hang) {
			this.hang = hang;
		}

		@HealthCheck("hangs")
		boolean hangs() {
			this.hang.hang();
			return true;
		}

	}

}
