package io.github.healthgrpc.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.metrics.CheckMeters;
import io.github.healthgrpc.metrics.CheckObservations;
import io.github.healthgrpc.store.StatusStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.GrpcServerObservationContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import net.devh.boot.grpc.server.autoconfigure.GrpcServerMetricAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CheckMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HealthGrpcAutoConfiguration.class, CheckMetricsAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void withoutAMeterRegistryTheCheckMetersMeasureNothing() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(CheckMeters.class)
			.satisfies((meters) -> assertThat(meters.evaluationStarted()).isNull()));
	}

	@Test
	void withAMeterRegistryTheCheckMetersHearTheEngine() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(CheckMeters.class)
				.hasSingleBean(CheckMetersListener.class));
	}

	@Test
	void withSpringBootsMetricsEveryCheckIsTimedInTheApplicationsRegistry() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withBean(Pricing.class)
			.withPropertyValues("grpc.health.checks.pricing.interval=50ms")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(registry.find("grpc.health.check.duration")
						.tag("check", "pricing")
						.tag("outcome", "UP")
						.timer()).isNotNull().satisfies((timer) -> assertThat(timer.count()).isPositive()));
				assertThat(registry.get("grpc.health.check.up").tag("check", "pricing").gauge().value()).isOne();
			});
	}

	@Test
	void inALazyContextEveryCheckHasItsMetersAndIsObserved() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean(Pricing.class)
			.withPropertyValues("grpc.health.checks.pricing.interval=50ms")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(
							() -> assertThat(registry.find("grpc.health.check.up").tag("check", "pricing").gauge())
								.isNotNull()
								.satisfies((up) -> assertThat(up.value()).isOne()));
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(observations).hasObservationWithNameEqualTo("grpc.health.check"));
			});
	}

	@Test
	void whenTheUserDefinesCheckMetersThenOursBackOff() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean("custom", CheckMeters.class, () -> new CheckMeters(new StatusStore()))
			.run((context) -> assertThat(context).getBeanNames(CheckMeters.class).containsExactly("custom"));
	}

	@Test
	void withoutAnObservationRegistryNoEvaluationIsObserved() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(CheckObservations.class)
			.satisfies((observations) -> assertThat(observations.isNoop()).isTrue()));
	}

	@Test
	void devhsOwnMetricsAreSwitchedOnOrOffAsTheyWouldBeWithoutHealthGrpc() {
		// Ordered after Spring Boot's registries, ours would sort them ahead of devh's
		// metrics auto-configuration (net.devh sorts after io.github), which would then
		// find a MeterRegistry it finds none without health-grpc.
		AutoConfigurations bootAndDevh = AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, GrpcServerMetricAutoConfiguration.class);
		AtomicBoolean devhMetricsWithout = new AtomicBoolean();
		new ApplicationContextRunner().withConfiguration(bootAndDevh)
			.run((context) -> devhMetricsWithout.set(context.containsBean("metricCollectingServerInterceptor")));
		this.contextRunner.withConfiguration(bootAndDevh)
			.run((context) -> assertThat(context.containsBean("metricCollectingServerInterceptor"))
				.isEqualTo(devhMetricsWithout.get()));
	}

	@Test
	void withAnObservationRegistryChecksAreObservedAndHealthCallsAreNot() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> assertThat(context).hasSingleBean(CheckObservations.class)
				.hasSingleBean(CheckObservationsListener.class)
				.hasSingleBean(HealthCallsObservationPredicate.class));
	}

	@Test
	void checkObservationsCanBeSwitchedOff() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("grpc.health.observations.checks=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CheckObservations.class)
				.doesNotHaveBean(CheckObservationsListener.class)
				.hasSingleBean(HealthCallsObservationPredicate.class));
	}

	@Test
	void healthCallsCanBeObserved() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("grpc.health.observations.health-calls=true")
			.run((context) -> assertThat(context).doesNotHaveBean(HealthCallsObservationPredicate.class)
				.hasSingleBean(CheckObservations.class));
	}

	@Test
	void whenTheUserDefinesCheckObservationsThenOursBackOff() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean("custom", CheckObservations.class, () -> new CheckObservations(ObservationRegistry.NOOP))
			.run((context) -> assertThat(context).getBeanNames(CheckObservations.class).containsExactly("custom"));
	}

	@Test
	void withSpringBootsObservationsTheHealthCallsRuleIsAppliedToTheRegistry() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.run((context) -> {
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				// Without a handler, every observation is a no-op.
				registry.observationConfig().observationHandler((observed) -> true);
				assertThat(observe(registry, "grpc.health.v1.Health").isNoop()).isTrue();
				assertThat(observe(registry, "demo.Inventory").isNoop()).isFalse();
			});
	}

	@Test
	void whenHealthGrpcIsDisabledThereAreNoMetersOrObservations() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("grpc.health.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CheckMeters.class)
				.doesNotHaveBean(CheckObservations.class)
				.doesNotHaveBean(HealthCallsObservationPredicate.class));
	}

	@Test
	void withoutTheGrpcBinderOfMicrometerHealthCallsNeedNoRule() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader("io.micrometer.core.instrument.binder.grpc"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(HealthCallsObservationPredicate.class)
				.hasSingleBean(CheckObservations.class));
	}

	private static Observation observe(ObservationRegistry registry, String service) {
		GrpcServerObservationContext call = new GrpcServerObservationContext((headers, key) -> null);
		call.setServiceName(service);
		return Observation.createNotStarted("grpc.server", () -> call, registry);
	}

	static class Pricing {

		@HealthCheck("pricing")
		boolean pricing() {
			return true;
		}

	}

}
