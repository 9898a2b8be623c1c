package io.github.healthgrpc.autoconfigure.metrics;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.metrics.CheckMeters;
import io.github.healthgrpc.metrics.CheckObservations;
import io.github.healthgrpc.store.StatusStore;
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
 * Auto-configuration of each check's meters, where there is a {@code MeterRegistry}, and
 * of an observation per evaluation, where there is an {@link ObservationRegistry}; both
 * hear the engine through a check listener bean, which the engine adds as it starts. With
 * an observation registry, calls to {@code grpc.health.v1.Health} are left out of the
 * gRPC server's observations unless {@code grpc.health.observations.health-calls} is
 * {@code true}.
 *
 * @since 0.1.0
 */
// Not ordered after Spring Boot's metrics and observation auto-configurations, and not
// conditional on their registries: an auto-configuration in io.github sorts before
// net.devh, so ordering it after Boot's would move Boot's registries ahead of devh's
// metrics auto-configuration and switch that on. The meters bind as a MeterBinder and the
// observations take the registry when their bean is created, both after every definition.
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
@ConditionalOnBean(CheckRunner.class)
public final class CheckMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class CheckMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CheckMeters healthGrpcCheckMeters(StatusStore store) {
			return new CheckMeters(store);
		}

		@Bean
		CheckMetersListener healthGrpcCheckMetersListener(CheckMeters meters) {
			return new CheckMetersListener(meters);
		}

	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "grpc.health.observations.checks", matchIfMissing = true)
	CheckObservations healthGrpcCheckObservations(ObjectProvider<ObservationRegistry> registry) {
		ObservationRegistry available = registry.getIfAvailable();
		return new CheckObservations((available != null) ? available : ObservationRegistry.NOOP);
	}

	@Bean
	@ConditionalOnBean(CheckObservations.class)
	CheckObservationsListener healthGrpcCheckObservationsListener(CheckObservations observations,
			ObjectProvider<CheckMeters> meters) {
		return new CheckObservationsListener(observations, meters);
	}

	// On the interceptor that makes the servers' observations of calls, not on their
	// context: a condition loads the class it names, and the context's would bring its
	// superclasses along before any call.
	@Bean
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.grpc.ObservationGrpcServerInterceptor")
	@ConditionalOnBooleanProperty(name = "grpc.health.observations.health-calls", havingValue = false,
			matchIfMissing = true)
	HealthCallsObservationPredicate healthGrpcHealthCallsObservationPredicate() {
		return new HealthCallsObservationPredicate();
	}

}
