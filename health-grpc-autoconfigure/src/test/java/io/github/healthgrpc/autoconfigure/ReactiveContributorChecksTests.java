package io.github.healthgrpc.autoconfigure;

import java.time.Duration;

import io.github.healthgrpc.source.ReactiveHealthContributorCheckSource;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that reactive health contributors, which {@code /actuator/health} shows next to
 * the blocking ones, are checks too.
 */
class ReactiveContributorChecksTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
				HealthGrpcAutoConfiguration.class))
		.withUserConfiguration(ReactiveRedisConfiguration.class)
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenServiceIncludesReactiveContributorThenItIsAMemberAndBecomesServing() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].include=redis").run((context) -> {
			assertThat(context).hasNotFailed();
			StatusStore store = context.getBean(StatusStore.class);
			assertThat(store.health("demo.Inventory").checks()).containsOnlyKeys("redis");
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(store.status("demo.Inventory")).isEqualTo(ServingState.SERVING));
		});
	}

	@Test
	void whenNothingIsMappedThenOverallIncludesBlockingAndReactiveContributors() {
		this.contextRunner.withBean("dbHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context.getBean(StatusStore.class).health(StatusStore.OVERALL).checks())
				.containsOnlyKeys("db", "redis"));
	}

	@Test
	void whenReactorIsNotOnTheClassPathThenThereIsNoReactiveSource() {
		// Spring Boot's reactive registry needs Flux; hiding only Mono leaves the
		// registry and proves health-grpc's own condition.
		this.contextRunner.withClassLoader(new FilteredClassLoader(Mono.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ReactiveHealthContributorCheckSource.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveRedisConfiguration {

		@Bean
		ReactiveHealthIndicator redisHealthIndicator() {
			return () -> Mono.just(Health.up().build());
		}

	}

}
