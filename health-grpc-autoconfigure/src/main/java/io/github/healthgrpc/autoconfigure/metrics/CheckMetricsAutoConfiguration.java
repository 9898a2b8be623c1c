package io.github.healthgrpc.autoconfigure.metrics;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.metrics.CheckMeters;
import io.github.healthgrpc.metrics.CheckObservations;
import io.github.healthgrpc.store.StatusStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of each check's meters, where there is a {@link MeterRegistry}, and
 * of an observation per evaluation, where there is an {@link ObservationRegistry}; both
 * hear the engine through a check listener. With an observation registry, calls to
 * {@code grpc.health.v1.Health} are left out of the gRPC server's observations unless
 * {@code grpc.health.observations.health-calls} is {@code true}.
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
@ConditionalOnBean(CheckRunner.class)
public final class CheckMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	@ConditionalOnBean(MeterRegistry.class)
	static class CheckMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CheckMeters healthGrpcCheckMeters(StatusStore store) {
			return new CheckMeters(store);
		}

		@Bean
		CheckMetersListener healthGrpcCheckMetersListener(CheckMeters meters, CheckRunner runner) {
			CheckMetersListener listener = new CheckMetersListener(meters);
			runner.addListener(listener);
			return listener;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ObservationRegistry.class)
	static class CheckObservationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "grpc.health.observations.checks", matchIfMissing = true)
		CheckObservations healthGrpcCheckObservations(ObservationRegistry registry) {
			return new CheckObservations(registry);
		}

		@Bean
		@ConditionalOnBean(CheckObservations.class)
		CheckObservationsListener healthGrpcCheckObservationsListener(CheckObservations observations,
				ObjectProvider<CheckMeters> meters, CheckRunner runner) {
			CheckObservationsListener listener = new CheckObservationsListener(observations, meters);
			runner.addListener(listener);
			return listener;
		}

		@Bean
		@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.grpc.GrpcServerObservationContext")
		@ConditionalOnBooleanProperty(name = "grpc.health.observations.health-calls", havingValue = false,
				matchIfMissing = true)
		HealthCallsObservationPredicate healthGrpcHealthCallsObservationPredicate() {
			return new HealthCallsObservationPredicate();
		}

	}

}
