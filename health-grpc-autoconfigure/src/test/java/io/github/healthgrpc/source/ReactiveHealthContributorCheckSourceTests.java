package io.github.healthgrpc.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;
import org.springframework.boot.health.registry.DefaultReactiveHealthContributorRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReactiveHealthContributorCheckSourceTests {

	@Test
	void reactiveIndicatorsAndCompositeMembersBecomeChecksUnderTheActuatorNames() {
		DefaultReactiveHealthContributorRegistry registry = new DefaultReactiveHealthContributorRegistry();
		registry.registerContributor("redis", up());
		registry.registerContributor("mongo",
				CompositeReactiveHealthContributor.fromMap(Map.of("primary", up(), "secondary", up())));
		List<CheckDefinition> checks = new ReactiveHealthContributorCheckSource(registry, null).checks();
		assertThat(checks).extracting(CheckDefinition::name)
			.containsExactlyInAnyOrder("redis", "mongo/primary", "mongo/secondary");
		assertThat(checks).allSatisfy((check) -> assertThat(check).isInstanceOf(CheckDefinition.Polled.class));
	}

	@Test
	void readingAgainACompositeThatMakesItsMembersAsItIsIteratedYieldsEqualChecksUntilItIsRegisteredAgain() {
		DefaultReactiveHealthContributorRegistry registry = new DefaultReactiveHealthContributorRegistry();
		registry.registerContributor("clients", madeAsIterated());
		ReactiveHealthContributorCheckSource source = new ReactiveHealthContributorCheckSource(registry, null);
		List<CheckDefinition> first = source.checks();
		assertThat(source.checks()).isEqualTo(first);
		registry.unregisterContributor("clients");
		registry.registerContributor("clients", madeAsIterated());
		assertThat(source.checks()).isNotEqualTo(first);
	}

	// A new member at every iteration.
	private static CompositeReactiveHealthContributor madeAsIterated() {
		return new CompositeReactiveHealthContributor() {

			@Override
			public ReactiveHealthContributor getContributor(String name) {
				return "a".equals(name) ? up() : null;
			}

			@Override
			public Stream<ReactiveHealthContributors.Entry> stream() {
				Health health = Health.up().build();
				return Stream
					.of(new ReactiveHealthContributors.Entry("a", (ReactiveHealthIndicator) () -> Mono.just(health)));
			}

		};
	}

	@Test
	void evaluationReturnsBeforeTheMonoEmitsSoNoWorkerThreadWaitsForIt() throws Exception {
		Sinks.One<Health> sink = Sinks.one();
		DefaultReactiveHealthContributorRegistry registry = new DefaultReactiveHealthContributorRegistry();
		registry.registerContributor("redis", (ReactiveHealthIndicator) sink::asMono);
		CheckDefinition.Polled redis = (CheckDefinition.Polled) new ReactiveHealthContributorCheckSource(registry, null)
			.checks()
			.get(0);
		CompletableFuture<Health> result = redis.function().evaluate().toCompletableFuture();
		assertThat(result).isNotDone();
		sink.tryEmitValue(Health.down().withDetail("cluster", "lost").build());
		assertThat(result).isCompleted();
		assertThat(result.get().getStatus()).isEqualTo(Status.DOWN);
		assertThat(result.get().getDetails()).containsEntry("cluster", "lost");
	}

	@Test
	void anOverdueMonoIsCancelledSoNoSubscriptionIsLeftBehind() {
		AtomicInteger subscriptions = new AtomicInteger();
		AtomicInteger cancels = new AtomicInteger();
		DefaultReactiveHealthContributorRegistry registry = new DefaultReactiveHealthContributorRegistry();
		registry.registerContributor("redis",
				(ReactiveHealthIndicator) () -> Mono.<Health>never()
					.doOnSubscribe((subscription) -> subscriptions.incrementAndGet())
					.doOnCancel(cancels::incrementAndGet));
		StatusStore store = new StatusStore();
		try (CheckRunner runner = new CheckRunner(store, 1)) {
			runner.start(new ReactiveHealthContributorCheckSource(registry, null).checks(),
					(name) -> new CheckSchedule(Duration.ofMillis(30), Duration.ofMillis(20)));
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
				assertThat(subscriptions.get() - cancels.get()).isBetween(0, 1);
				return cancels.get() >= 10;
			});
			assertThat(store.checkResult("redis").getStatus()).isEqualTo(Status.DOWN);
		}
	}

	@Test
	void namesAlreadyInTheBlockingRegistryAreLeftToIt() {
		// Spring Boot's health endpoint shows the blocking contributor when both
		// registries have one by the same name.
		DefaultHealthContributorRegistry blocking = new DefaultHealthContributorRegistry();
		blocking.registerContributor("redis", (HealthIndicator) () -> Health.up().build());
		DefaultReactiveHealthContributorRegistry registry = new DefaultReactiveHealthContributorRegistry();
		registry.registerContributor("redis", up());
		registry.registerContributor("mongo", up());
		assertThat(new ReactiveHealthContributorCheckSource(registry, blocking).checks())
			.extracting(CheckDefinition::name)
			.containsExactly("mongo");
	}

	private static ReactiveHealthIndicator up() {
		return () -> Mono.just(Health.up().build());
	}

}
