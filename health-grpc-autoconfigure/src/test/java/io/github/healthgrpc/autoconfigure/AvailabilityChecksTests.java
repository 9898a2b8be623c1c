package io.github.healthgrpc.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.source.AvailabilityChanges;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that Spring Boot's availability indicators ({@code livenessState},
 * {@code readinessState}) are pushed on every availability change rather than polled on
 * the default interval of 5s, so the overall status never lags the application's state.
 */
class AvailabilityChecksTests {

	// Boot's probes auto-configuration registers both indicators whenever Actuator is
	// present; without Actuator on this class path the two properties ask for them
	// instead.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthGrpcAutoConfiguration.class))
		.withPropertyValues("management.health.livenessstate.enabled=true",
				"management.health.readinessstate.enabled=true", "grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenNothingIsMappedThenOverallIncludesTheAvailabilityChecks() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(StatusStore.class).health(StatusStore.OVERALL).checks())
				.containsOnlyKeys("livenessState", "readinessState"));
	}

	@Test
	void whenApplicationBecomesReadyThenOverallIsServingWithoutWaitingForAnInterval() {
		// The default interval is 5s: SERVING within 2s proves the change was pushed.
		this.contextRunner.run((context) -> {
			StatusStore store = context.getBean(StatusStore.class);
			await().atMost(Duration.ofSeconds(2)).until(() -> store.checkResult("readinessState") != null);
			assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.NOT_SERVING);
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			await().atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.SERVING));
		});
	}

	@Test
	void whenAvailabilityChangesThenTheCheckResultChangesAtOnce() {
		this.contextRunner.run((context) -> {
			StatusStore store = context.getBean(StatusStore.class);
			await().atMost(Duration.ofSeconds(2))
				.until(() -> store.checkResult("readinessState") != null && store.checkResult("livenessState") != null);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(store.checkResult("readinessState").getStatus()).isEqualTo(Status.UP);
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
			assertThat(store.checkResult("readinessState").getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
			assertThat(store.checkResult("livenessState").getStatus()).isEqualTo(Status.DOWN);
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			assertThat(store.checkResult("livenessState").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void whenAvailabilityChangesBeanIsCreatedFirstThenTheStateIsStillRecordedBeforeItIsPushed() {
		// Spring calls listeners in the order they were created: a bean that needs
		// AvailabilityChanges early must not put it ahead of the bean that records the
		// state.
		this.contextRunner.withUserConfiguration(EarlyAvailabilityChangesConfiguration.class)
			.run(this::assertPushedResultIsCurrent);
	}

	@Test
	void anAvailabilityCheckRemovedAndAddedAgainIsEvaluatedOncePerChange() {
		this.contextRunner.withPropertyValues("grpc.health.contributors.refresh-interval=1h").run((context) -> {
			HealthContributorRegistry registry = context.getBean(HealthContributorRegistry.class);
			ContributorRefresh refresh = context.getBean(ContributorRefresh.class);
			CountingReadiness counting = new CountingReadiness(context.getBean(ApplicationAvailability.class));
			for (int i = 0; i < 5; i++) {
				registry.registerContributor("counting", counting);
				refresh.refresh();
				registry.unregisterContributor("counting");
				refresh.refresh();
			}
			registry.registerContributor("counting", counting);
			refresh.refresh();
			int before = counting.evaluations.get();
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			int evaluations = counting.evaluations.get() - before;
			System.out.printf("An availability check added 6 times and removed 5: %d evaluation(s) per change%n",
					evaluations);
			// Before: every subscription made since the first addition was still
			// subscribed.
			assertThat(evaluations).isOne();
			assertThat(context.getBean(StatusStore.class).checkResult("counting").getStatus()).isEqualTo(Status.UP);
		});
	}

	static final class CountingReadiness extends ReadinessStateHealthIndicator {

		final AtomicInteger evaluations = new AtomicInteger();

		CountingReadiness(ApplicationAvailability availability) {
			super(availability);
		}

		@Override
		protected AvailabilityState getState(ApplicationAvailability availability) {
			this.evaluations.incrementAndGet();
			return super.getState(availability);
		}

	}

	private void assertPushedResultIsCurrent(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		StatusStore store = context.getBean(StatusStore.class);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(store.checkResult("readinessState").getStatus()).isEqualTo(Status.UP);
	}

	@Configuration(proxyBeanMethods = false)
	static class EarlyAvailabilityChangesConfiguration {

		@Bean
		EarlyAvailabilityChangesUser earlyAvailabilityChangesUser(AvailabilityChanges changes) {
			return new EarlyAvailabilityChangesUser(changes);
		}

	}

	record EarlyAvailabilityChangesUser(AvailabilityChanges changes) {

	}

}
