package io.github.healthgrpc.metrics;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

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
	void whenTheUserDefinesMetricsThenOursBackOff() {
		this.contextRunner.withBean("custom", HealthGrpcMetrics.class, () -> null)
			.run((context) -> assertThat(context).getBeanNames(HealthGrpcMetrics.class).containsExactly("custom"));
	}

}
