package io.github.healthgrpc.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.UninterruptibleHang;
import io.github.healthgrpc.source.MadeAsIteratedComposite;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health contributors registered and unregistered while the application runs, read by
 * {@link ContributorRefresh} (called here directly instead of waiting for its interval).
 */
@ExtendWith(OutputCaptureExtension.class)
class RuntimeContributorsTests {

	private static final HealthIndicator UP = () -> Health.up().build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
				HealthGrpcAutoConfiguration.class))
		.withBean("dbHealthIndicator", HealthIndicator.class, () -> UP)
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s", "grpc.health.contributors.refresh-interval=1h");

	@Test
	void aCompositeRegisteredAtRuntimeContributesItsMembersAsParentSlashChild() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.All].include=*").run((context) -> {
			registry(context).registerContributor("pool",
					CompositeHealthContributor.fromMap(Map.of("primary", UP, "replica", UP)));
			refresh(context);
			assertThat(store(context).health("demo.All").checks()).containsOnlyKeys("db", "pool/primary",
					"pool/replica");
			registry(context).unregisterContributor("pool");
			refresh(context);
			assertThat(store(context).health("demo.All").checks()).containsOnlyKeys("db");
		});
	}

	@Test
	void aCompositeWhoseMembersAreMadeAsItIsIteratedKeepsItsChecksAndTheirResultsAcrossRefreshes(
			CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("grpc.health.services[demo.All].include=*", "grpc.health.defaults.interval=1h")
			.run((context) -> {
				MadeAsIteratedComposite clients = new MadeAsIteratedComposite(Duration.ZERO, "a", "b");
				registry(context).registerContributor("clients", clients);
				refresh(context);
				StatusStore store = store(context);
				Awaitility.await()
					.atMost(Duration.ofSeconds(5))
					.until(() -> store.checkResult("clients/a") != null && store.checkResult("clients/b") != null);
				int registeredLines = output.toString().split("Health contributor '", -1).length;
				for (int i = 0; i < 5; i++) {
					refresh(context);
					// Its one evaluation (interval 1h) is remembered: not forgotten, not
					// started again.
					assertThat(store.checkResult("clients/a")).as("result of clients/a after refresh %d", i)
						.isNotNull();
				}
				System.out.printf("A composite whose members are made as it is iterated: %d iterations, %d evaluations "
						+ "of clients/a over 5 refreshes%n", clients.iterations(), clients.evaluations("a"));
				assertThat(clients.evaluations("a")).isOne();
				assertThat(output.toString().split("Health contributor '", -1)).hasSize(registeredLines);
				// A member gone from the composite is a member unregistered.
				clients.remove("b");
				refresh(context);
				assertThat(store.health("demo.All").checks()).containsOnlyKeys("db", "clients/a");
				assertThat(output).contains("Health contributor 'clients/b' was unregistered");
			});
	}

	@Test
	void aHangingMemberOfACompositeMadeAsItIsIteratedHoldsOneThreadAcrossRefreshes() {
		UninterruptibleHang hang = new UninterruptibleHang();
		this.contextRunner
			.withPropertyValues("grpc.health.defaults.interval=100ms", "grpc.health.defaults.timeout=50ms")
			.run((context) -> {
				registry(context).registerContributor("clients", new CompositeHealthContributor() {

					@Override
					public HealthContributor getContributor(String name) {
						return "a".equals(name) ? (HealthIndicator) hang::hang : null;
					}

					@Override
					public Stream<HealthContributors.Entry> stream() {
						// A new member at every iteration.
						return Stream.of(new HealthContributors.Entry("a", (HealthIndicator) hang::hang));
					}

				});
				CheckRunner runner = context.getBean(CheckRunner.class);
				StatusStore store = store(context);
				for (int i = 0; i < 10; i++) {
					refresh(context);
					// Before: forgotten at each refresh, and DOWN again once the new one
					// timed out.
					Awaitility.await()
						.atMost(Duration.ofSeconds(5))
						.until(() -> store.checkResult("clients/a") != null);
				}
				Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> runner.load().stuck() > 0);
				System.out.printf("A hanging member of a composite over 10 refreshes: %d thread(s) written off%n",
						runner.load().threadsWrittenOff());
				assertThat(runner.load().threadsWrittenOff()).isOne();
			});
		hang.release();
	}

	@Test
	void aCompositeMemberMadeAgainIsCalledAtItsNextEvaluation() {
		this.contextRunner.withPropertyValues("grpc.health.defaults.interval=50ms").run((context) -> {
			MadeAsIteratedComposite clients = new MadeAsIteratedComposite(Duration.ZERO, "a");
			registry(context).registerContributor("clients", clients);
			refresh(context);
			StatusStore store = store(context);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store.checkResult("clients/a") != null);
			clients.answer(Status.DOWN);
			refresh(context);
			// Only the members made by this last iteration answer DOWN.
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> Status.DOWN.equals(store.checkResult("clients/a").getStatus()));
		});
	}

	@Test
	void aContributorRegisteredAtRuntimeJoinsTheProbeServicesWhoseHealthGroupIncludesItAndLeavesThemWhenUnregistered() {
		// Spring Boot checks at startup that a group's members exist unless told not to:
		// a group that names a contributor registered later needs the check off.
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.validate-group-membership=false",
					"management.endpoint.health.group.readiness.include=db,dyn",
					"management.endpoint.health.group.liveness.include=dyn")
			.run((context) -> {
				assertThat(store(context).health("readiness").checks()).containsOnlyKeys("db");
				assertThat(store(context).health("liveness").checks()).isEmpty();
				registry(context).registerContributor("dyn", UP);
				refresh(context);
				assertThat(store(context).health("readiness").checks()).containsOnlyKeys("db", "dyn");
				assertThat(store(context).health("liveness").checks()).containsOnlyKeys("dyn");
				// Still a liveness service: neither readiness (the context never became
				// ready) nor the new member's first result holds it back.
				AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
				assertThat(store(context).status("liveness")).isEqualTo(ServingState.SERVING);
				assertThat(store(context).status("readiness")).isEqualTo(ServingState.NOT_SERVING);
				registry(context).unregisterContributor("dyn");
				refresh(context);
				assertThat(store(context).health("readiness").checks()).containsOnlyKeys("db");
				assertThat(store(context).health("liveness").checks()).isEmpty();
			});
	}

	@Test
	void aReactiveContributorRegisteredAtRuntimeBecomesACheck() {
		this.contextRunner.run((context) -> {
			ReactiveHealthIndicator redis = () -> Mono.just(Health.up().build());
			context.getBean(ReactiveHealthContributorRegistry.class).registerContributor("redis", redis);
			refresh(context);
			assertThat(store(context).health(StatusStore.OVERALL).checks()).containsOnlyKeys("db", "redis");
			context.getBean(ReactiveHealthContributorRegistry.class).unregisterContributor("redis");
			refresh(context);
			assertThat(store(context).health(StatusStore.OVERALL).checks()).containsOnlyKeys("db");
		});
	}

	@Test
	void readingRegistriesThatDidNotChangeChangesNothing(CapturedOutput output) {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					AvailabilityHealthContributorAutoConfiguration.class))
			.withPropertyValues("management.health.livenessstate.enabled=true",
					"management.health.readinessstate.enabled=true")
			.withBean("ready", ManualHealthCheck.class, () -> new ManualHealthCheck("ready"))
			.withBean("redisHealthIndicator", ReactiveHealthIndicator.class, () -> () -> Mono.just(Health.up().build()))
			.run((context) -> {
				refresh(context);
				refresh(context);
				assertThat(output).doesNotContain("Health contributor '");
				assertThat(store(context).health(StatusStore.OVERALL).checks()).containsOnlyKeys("db", "ready", "redis",
						"livenessState", "readinessState");
			});
	}

	@Test
	void aContributorRegisteredUnderAnotherChecksNameIsNotACheckAndSaysSoOnce(CapturedOutput output) {
		this.contextRunner.withBean("ready", ManualHealthCheck.class, () -> new ManualHealthCheck("ready"))
			.run((context) -> {
				registry(context).registerContributor("ready", UP);
				refresh(context);
				refresh(context);
				assertThat(output.toString()
					.split("Health contributor 'ready' was registered, but another check " + "has that name", -1))
					.hasSize(2);
				assertThat(output).doesNotContain("it is a check now");
			});
	}

	@Test
	void aContributorReplacedUnderItsNameKeepsItsOwnSettings(CapturedOutput output) {
		this.contextRunner.withPropertyValues("grpc.health.checks.db.interval=300ms").run((context) -> {
			registry(context).unregisterContributor("db");
			registry(context).registerContributor("db", (HealthIndicator) () -> Health.down().build());
			refresh(context);
			assertThat(output).contains("Health contributor 'db' was replaced by another under its name: its check "
					+ "calls the new one from its next evaluation, on its schedule, and keeps its last result until then");
			registry(context).unregisterContributor("db");
			refresh(context);
			registry(context).registerContributor("db", UP);
			refresh(context);
			assertThat(output).contains("Health contributor 'db' was registered: it is a check now, polled every "
					+ "300ms with a timeout of 2000ms");
		});
	}

	@Test
	void aServiceThatIncludesAnUnregisteredCheckByNameSaysHowToFixIt(CapturedOutput output) {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].include=db").run((context) -> {
			registry(context).unregisterContributor("db");
			refresh(context);
			assertThat(store(context).health("demo.Inventory").checks()).containsOnlyKeys("db");
			assertThat(output).contains("Health contributor 'db' was unregistered")
				.contains("Health check 'db' went away (its contributor was unregistered), but "
						+ "grpc.health.services[demo.Inventory].include include it by name: \"demo.Inventory\" stay "
						+ "NOT_SERVING until a contributor named 'db' is registered again")
				.contains("include it through * or its composite's name");
		});
	}

	@Test
	void aRefreshIntervalThatIsNotPositiveStopsStartup() {
		this.contextRunner.withPropertyValues("grpc.health.contributors.refresh-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("grpc.health.contributors.refresh-interval")
				.hasMessageContaining("It must be a positive duration"));
	}

	private static HealthContributorRegistry registry(AssertableApplicationContext context) {
		return context.getBean(HealthContributorRegistry.class);
	}

	private static StatusStore store(AssertableApplicationContext context) {
		return context.getBean(StatusStore.class);
	}

	private static void refresh(AssertableApplicationContext context) {
		context.getBean(ContributorRefresh.class).refresh();
	}

}
