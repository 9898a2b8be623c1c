package io.github.healthgrpc.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.actuate.GrpcHealthIndicator;
import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSource;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthGrpcMappingTests {

	private static final Duration FIRST_RESULTS = Duration.ofSeconds(5);

	private static final String INVENTORY = "demo.Inventory";

	// db (a HealthIndicator), pricing (a @HealthCheck method), cache (a
	// ManualHealthCheck) and Boot's own ping contributor.
	// ConfigurationPropertiesAutoConfiguration: as in every application, Spring Boot
	// binds @ConfigurationProperties beans.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthGrpcAutoConfiguration.class))
		.withUserConfiguration(ChecksConfiguration.class)
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenNothingIsMappedThenOverallIncludesChecksFromEverySource() {
		this.contextRunner.run((context) -> assertThat(members(context, StatusStore.OVERALL))
			.containsExactlyInAnyOrder("db", "pricing", "cache", "ping"));
	}

	@Test
	void whenChecksAreUpButApplicationIsNotReadyThenOverallIsNotServing() {
		this.contextRunner.run((context) -> {
			StatusStore store = context.getBean(StatusStore.class);
			context.getBean(ChecksConfiguration.class).cache.up();
			awaitFirstResults(store, "db", "pricing", "cache", "ping");
			assertThat(store.health(StatusStore.OVERALL).checks())
				.allSatisfy((name, status) -> assertThat(status).isEqualTo(Status.UP));
			assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.NOT_SERVING);
		});
	}

	@Test
	void whenApplicationIsReadyAndEveryCheckIsUpThenOverallIsServing() {
		this.contextRunner.run((context) -> {
			StatusStore store = context.getBean(StatusStore.class);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			context.getBean(ChecksConfiguration.class).cache.up();
			await().atMost(FIRST_RESULTS)
				.untilAsserted(() -> assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.SERVING));
			// The Actuator mirror reads the same store.
			assertThat(context.getBean(GrpcHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void whenApplicationRefusesTrafficAgainThenOverallTurnsNotServing() {
		this.contextRunner.run((context) -> {
			StatusStore store = context.getBean(StatusStore.class);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			context.getBean(ChecksConfiguration.class).cache.up();
			await().atMost(FIRST_RESULTS)
				.untilAsserted(() -> assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.SERVING));
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
			assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.NOT_SERVING);
		});
	}

	@Test
	void whenManualCheckHasNoValueYetThenServicesIncludingItAreNotServing() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].include=cache,db")
			.run((context) -> {
				StatusStore store = context.getBean(StatusStore.class);
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				awaitFirstResults(store, "db");
				assertThat(store.health(INVENTORY).checks()).containsEntry("cache", Status.UNKNOWN);
				assertThat(store.status(INVENTORY)).isEqualTo(ServingState.NOT_SERVING);
				context.getBean(ChecksConfiguration.class).cache.up();
				// A manual check is pushed at once, not on an interval.
				assertThat(store.status(INVENTORY)).isEqualTo(ServingState.SERVING);
			});
	}

	@Test
	void whenServiceIsMappedWithPlainDottedKeyThenItHasExactlyTheConfiguredChecks() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.include=db")
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenServiceIsMappedWithBracketsThenItHasExactlyTheConfiguredChecks() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].include=db")
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenServiceIsMappedInLowerCaseThenTheGrpcServiceBeansRestoreTheCase() {
		this.contextRunner.withBean("inventoryService", BindableService.class, () -> grpcService(INVENTORY))
			.withBean("greeterService", BindableService.class, () -> grpcService("demo.Greeter"))
			.withPropertyValues("grpc.health.services.demo.inventory.include=db")
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenServiceIsMappedByEnvironmentVariableThenItHasExactlyTheConfiguredChecks() {
		this.contextRunner.withBean("inventoryService", BindableService.class, () -> grpcService(INVENTORY))
			.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_SERVICES_DEMO_INVENTORY_INCLUDE", "db")))
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenServiceIsMappedByEnvironmentVariableAndInPropertiesThenTheEnvironmentVariableWins() {
		this.contextRunner.withBean("inventoryService", BindableService.class, () -> grpcService(INVENTORY))
			.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_SERVICES_DEMO_INVENTORY_INCLUDE", "db")))
			.withInitializer(applicationProperties(Map.of("grpc.health.services.demo.Inventory.include", "pricing")))
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenOneServiceIsWrittenInBothSpellingsThenNoPropertyIsLost() {
		this.contextRunner
			.withPropertyValues("grpc.health.services.demo.Inventory.include=db,pricing",
					"grpc.health.services[demo.Inventory].exclude=pricing")
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenOneServiceIsWrittenInBracketsAndPlainThenNoPropertyIsLost() {
		this.contextRunner
			.withPropertyValues("grpc.health.services[demo.Inventory].include=db,pricing",
					"grpc.health.services.demo.Inventory.exclude=pricing")
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenEnvironmentVariableOverridesBracketsThenBothApplyAndTheVariableWinsItsProperty() {
		// application.properties: [demo.Inventory] includes db and pricing, excludes db;
		// the variable overrides exclude only, so include must survive from the file.
		this.contextRunner.withBean("inventoryService", BindableService.class, () -> grpcService(INVENTORY))
			.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_SERVICES_DEMO_INVENTORY_EXCLUDE", "pricing")))
			.withInitializer(applicationProperties(Map.of("grpc.health.services[demo.Inventory].include", "db,pricing",
					"grpc.health.services[demo.Inventory].exclude", "db")))
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenNoBoundServiceRestoresTheCaseThenTheSpellingWithCapitalsNamesTheService() {
		// No gRPC service bean here: the properties' spelling, not the variable's, names
		// the service.
		this.contextRunner
			.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_SERVICES_DEMO_INVENTORY_EXCLUDE", "pricing")))
			.withInitializer(applicationProperties(Map.of("grpc.health.services.demo.Inventory.include", "db,pricing")))
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenServicesAreMappedInYamlWithPlainKeysThenEachHasItsOwnChecks() {
		this.contextRunner.withInitializer(yaml("health-grpc-plain-keys.yml")).run(this::assertYamlMappingApplies);
	}

	@Test
	void whenServicesAreMappedInYamlWithBracketKeysThenEachHasItsOwnChecks() {
		this.contextRunner.withInitializer(yaml("health-grpc-bracket-keys.yml")).run(this::assertYamlMappingApplies);
	}

	@Test
	void whenMappingUsesPlaceholdersThenTheyAreResolved() {
		this.contextRunner
			.withPropertyValues("inventory.checks=db",
					"grpc.health.services.demo.Inventory.include=${inventory.checks}")
			.run(this::assertInventoryIsExactlyDbAndBecomesServing);
	}

	@Test
	void whenIncludeIsACommaSeparatedListThenServiceHasEveryListedCheck() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.include=db,pricing")
			.run((context) -> assertThat(members(context, INVENTORY)).containsExactlyInAnyOrder("db", "pricing"));
	}

	@Test
	void whenIncludeIsAnIndexedListThenServiceHasEveryListedCheck() {
		this.contextRunner
			.withPropertyValues("grpc.health.services.demo.Inventory.include[0]=db",
					"grpc.health.services.demo.Inventory.include[1]=pricing")
			.run((context) -> assertThat(members(context, INVENTORY)).containsExactlyInAnyOrder("db", "pricing"));
	}

	@Test
	void whenSeveralServicesAreMappedThenEachHasItsOwnChecks() {
		this.contextRunner
			.withPropertyValues("grpc.health.services.demo.Inventory.include=db,pricing",
					"grpc.health.services[demo.Greeter].include=db")
			.run((context) -> {
				assertThat(members(context, INVENTORY)).containsExactlyInAnyOrder("db", "pricing");
				assertThat(members(context, "demo.Greeter")).containsExactly("db");
				assertThat(context.getBean(StatusStore.class).statuses()).containsOnlyKeys(StatusStore.OVERALL,
						"liveness", "readiness", INVENTORY, "demo.Greeter");
			});
	}

	@Test
	void whenServiceExcludesACheckThenItHasEveryOtherCheck() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.exclude=ping,cache")
			.run((context) -> assertThat(members(context, INVENTORY)).containsExactlyInAnyOrder("db", "pricing"));
	}

	@Test
	void whenServiceIncludesWildcardAndExcludesThenExcludeWins() {
		this.contextRunner
			.withPropertyValues("grpc.health.services.demo.Inventory.include=*",
					"grpc.health.services.demo.Inventory.exclude=ping")
			.run((context) -> assertThat(members(context, INVENTORY)).containsExactlyInAnyOrder("db", "pricing",
					"cache"));
	}

	@Test
	void whenOverallIsMappedThenOverallHasExactlyTheConfiguredChecks() {
		this.contextRunner.withPropertyValues("grpc.health.overall.include=db,pricing")
			.run((context) -> assertThat(members(context, StatusStore.OVERALL)).containsExactlyInAnyOrder("db",
					"pricing"));
	}

	@Test
	void whenOverallExcludesEveryCheckThenItFollowsReadinessAlone() {
		this.contextRunner.withPropertyValues("grpc.health.overall.exclude=*").run((context) -> {
			assertThat(members(context, StatusStore.OVERALL)).isEmpty();
			StatusStore store = context.getBean(StatusStore.class);
			assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.NOT_SERVING);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.SERVING);
		});
	}

	@Test
	void whenApplicationHasNoChecksThenAServiceMappedToEveryCheckFollowsReadinessAlone() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
			.withPropertyValues("grpc.health.shutdown.drain-delay=0s", "grpc.health.services.demo.Inventory.include=*")
			.run((context) -> {
				assertThat(members(context, INVENTORY)).isEmpty();
				AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(context.getBean(StatusStore.class).status(INVENTORY)).isEqualTo(ServingState.SERVING);
			});
	}

	@Test
	void whenServiceIncludesACompositeThenItHasEveryMemberOfTheComposite() {
		this.contextRunner.withUserConfiguration(CompositeConfiguration.class)
			.withPropertyValues("grpc.health.services.demo.Inventory.include=replicas")
			.run((context) -> assertThat(members(context, INVENTORY)).containsExactlyInAnyOrder("replicas/east",
					"replicas/west"));
	}

	@Test
	void whenServiceIncludesACompositeMemberThenItHasOnlyThatMember() {
		this.contextRunner.withUserConfiguration(CompositeConfiguration.class)
			.withPropertyValues("grpc.health.services.demo.Inventory.include=replicas/east")
			.run((context) -> assertThat(members(context, INVENTORY)).containsExactly("replicas/east"));
	}

	@Test
	void whenApplicationDefinesCheckSourceBeanThenItsChecksAreChecks() {
		this.contextRunner
			.withBean("customCheckSource", CheckSource.class,
					() -> () -> List.of(new CheckDefinition.Polled("custom",
							() -> CompletableFuture.completedFuture(Health.up().build()))))
			.withPropertyValues("grpc.health.services.demo.Inventory.include=custom")
			.run((context) -> {
				assertThat(members(context, INVENTORY)).containsExactly("custom");
				awaitFirstResults(context.getBean(StatusStore.class), "custom");
			});
	}

	@Test
	void whenCheckHasItsOwnIntervalThenItRunsOnIt() {
		// The default interval is 5s: three runs within 2s prove the check's own 50ms.
		this.contextRunner.withUserConfiguration(CountingCheckConfiguration.class)
			.withPropertyValues("grpc.health.checks.counted.interval=50ms")
			.run((context) -> await().atMost(Duration.ofSeconds(2))
				.until(() -> context.getBean(CountingCheck.class).runs.get() >= 3));
	}

	@Test
	void whenDefaultIntervalIsSetThenChecksWithoutTheirOwnRunOnIt() {
		this.contextRunner.withUserConfiguration(CountingCheckConfiguration.class)
			.withPropertyValues("grpc.health.defaults.interval=50ms")
			.run((context) -> await().atMost(Duration.ofSeconds(2))
				.until(() -> context.getBean(CountingCheck.class).runs.get() >= 3));
	}

	@Test
	void whenDottedCheckNameHasItsOwnIntervalThenItRunsOnIt() {
		this.contextRunner.withUserConfiguration(CountingCheckConfiguration.class)
			.withPropertyValues("grpc.health.checks.counted.fast.interval=50ms")
			.run((context) -> await().atMost(Duration.ofSeconds(2))
				.until(() -> context.getBean(CountingCheck.class).fastRuns.get() >= 3));
	}

	@Test
	void whenCheckIntervalIsSetByEnvironmentVariableThenTheCheckNameRegainsItsCase() {
		// Environment variables cannot carry capitals: REMOTECACHE arrives as
		// "remotecache".
		this.contextRunner.withUserConfiguration(MixedCaseCheckConfiguration.class)
			.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_CHECKS_REMOTECACHE_INTERVAL", "50ms")))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(Duration.ofSeconds(2))
					.until(() -> context.getBean(MixedCaseCheck.class).runs.get() >= 3);
			});
	}

	@Test
	void whenCompositeMemberHasItsOwnIntervalThenItRunsOnItAndItsSiblingKeepsTheDefault() {
		this.contextRunner.withUserConfiguration(CountingCompositeConfiguration.class)
			.withPropertyValues("grpc.health.checks[replicas/east].interval=50ms")
			.run((context) -> {
				CountingCompositeConfiguration replicas = context.getBean(CountingCompositeConfiguration.class);
				// The default interval is 5s: three runs within 2s prove the member's own
				// 50ms.
				await().atMost(Duration.ofSeconds(2))
					.until(() -> replicas.eastRuns.get() >= 3 && replicas.westRuns.get() >= 1);
				assertThat(replicas.westRuns).hasValue(1);
			});
	}

	@Test
	void whenCheckHasNoIntervalOfItsOwnThenItRunsOnTheDefault() {
		// Guards the two tests above: without settings, the counted check runs once (at
		// start) in 1s.
		this.contextRunner.withUserConfiguration(CountingCheckConfiguration.class).run((context) -> {
			CountingCheck check = context.getBean(CountingCheck.class);
			await().atMost(FIRST_RESULTS).until(() -> check.runs.get() >= 1);
			// A hold, inherently: what is guarded is that nothing happens for as long as
			// the tests above take to see three runs, with no later event that would
			// prove it.
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> check.runs.get() == 1);
		});
	}

	@Test
	void whenCheckHasItsOwnTimeoutThenAHangingCheckIsDownAfterIt() {
		// The default timeout is 2s: DOWN within 1.5s proves the check's own 100ms.
		this.contextRunner.withUserConfiguration(HangingCheckConfiguration.class)
			.withPropertyValues("grpc.health.checks.hanging.timeout=100ms")
			.run((context) -> {
				StatusStore store = context.getBean(StatusStore.class);
				await().atMost(Duration.ofMillis(1500)).until(() -> store.checkResult("hanging") != null);
				Health result = store.checkResult("hanging");
				assertThat(result.getStatus()).isEqualTo(Status.DOWN);
				assertThat(result.getDetails()).hasEntrySatisfying("error",
						(error) -> assertThat(error.toString()).contains("timeout of 100ms"));
				context.getBean(HangingCheck.class).release.countDown();
			});
	}

	private void assertYamlMappingApplies(AssertableApplicationContext context) {
		assertThat(members(context, StatusStore.OVERALL)).containsExactlyInAnyOrder("db", "pricing");
		assertThat(members(context, INVENTORY)).containsExactly("db");
		assertThat(members(context, "demo.Greeter")).containsExactlyInAnyOrder("db", "pricing");
		assertThat(context.getBean(StatusStore.class).statuses()).containsOnlyKeys(StatusStore.OVERALL, "liveness",
				"readiness", INVENTORY, "demo.Greeter");
	}

	private void assertInventoryIsExactlyDbAndBecomesServing(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		StatusStore store = context.getBean(StatusStore.class);
		assertThat(members(context, INVENTORY)).containsExactly("db");
		assertThat(store.statuses()).containsOnlyKeys(StatusStore.OVERALL, "liveness", "readiness", INVENTORY);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		// cache has no value, so overall stays NOT_SERVING while demo.Inventory (db only)
		// turns SERVING.
		await().atMost(FIRST_RESULTS)
			.untilAsserted(() -> assertThat(store.status(INVENTORY)).isEqualTo(ServingState.SERVING));
		assertThat(store.status(StatusStore.OVERALL)).isEqualTo(ServingState.NOT_SERVING);
	}

	private static Set<String> members(AssertableApplicationContext context, String service) {
		assertThat(context).hasNotFailed();
		StatusStore store = context.getBean(StatusStore.class);
		assertThat(store.health(service)).as("health of service '%s' in %s", service, store.statuses()).isNotNull();
		return store.health(service).checks().keySet();
	}

	private static void awaitFirstResults(StatusStore store, String... checks) {
		await().atMost(FIRST_RESULTS).untilAsserted(() -> {
			for (String check : checks) {
				assertThat(store.checkResult(check)).as("result of %s", check).isNotNull();
			}
		});
	}

	// A gRPC service as an application defines it, a bean that the server binds.
	private static BindableService grpcService(String name) {
		return () -> ServerServiceDefinition.builder(name).build();
	}

	// Loads a YAML file the way Spring Boot loads application.yml, below the environment
	// variables.
	private static ApplicationContextInitializer<ConfigurableApplicationContext> yaml(String resource) {
		return (context) -> {
			try {
				new YamlPropertySourceLoader()
					.load("Config resource 'class path resource [" + resource + "]'", new ClassPathResource(resource))
					.forEach(context.getEnvironment().getPropertySources()::addLast);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	// Adds properties below the environment variables, where application.properties sits.
	private static ApplicationContextInitializer<ConfigurableApplicationContext> applicationProperties(
			Map<String, Object> properties) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'class path resource [application.properties]'",
					properties));
	}

	@Configuration(proxyBeanMethods = false)
	static class ChecksConfiguration {

		final ManualHealthCheck cache = new ManualHealthCheck("cache");

		@Bean
		HealthIndicator dbHealthIndicator() {
			return () -> Health.up().build();
		}

		@Bean
		PricingChecks pricingChecks() {
			return new PricingChecks();
		}

		@Bean
		ManualHealthCheck cacheCheck() {
			return this.cache;
		}

	}

	static class PricingChecks {

		@HealthCheck("pricing")
		boolean pricingReachable() {
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CompositeConfiguration {

		@Bean
		CompositeHealthContributor replicasHealthContributor() {
			HealthIndicator up = () -> Health.up().build();
			return CompositeHealthContributor.fromMap(Map.of("east", up, "west", up));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCompositeConfiguration {

		final AtomicInteger eastRuns = new AtomicInteger();

		final AtomicInteger westRuns = new AtomicInteger();

		@Bean
		CompositeHealthContributor replicasHealthContributor() {
			return CompositeHealthContributor
				.fromMap(Map.of("east", counting(this.eastRuns), "west", counting(this.westRuns)));
		}

		private static HealthIndicator counting(AtomicInteger runs) {
			return () -> {
				runs.incrementAndGet();
				return Health.up().build();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCheckConfiguration {

		@Bean
		CountingCheck countingCheck() {
			return new CountingCheck();
		}

	}

	static class CountingCheck {

		final AtomicInteger runs = new AtomicInteger();

		final AtomicInteger fastRuns = new AtomicInteger();

		@HealthCheck("counted")
		boolean counted() {
			this.runs.incrementAndGet();
			return true;
		}

		@HealthCheck("counted.fast")
		boolean countedFast() {
			this.fastRuns.incrementAndGet();
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MixedCaseCheckConfiguration {

		@Bean
		MixedCaseCheck mixedCaseCheck() {
			return new MixedCaseCheck();
		}

	}

	static class MixedCaseCheck {

		final AtomicInteger runs = new AtomicInteger();

		@HealthCheck("remoteCache")
		boolean remoteCache() {
			this.runs.incrementAndGet();
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HangingCheckConfiguration {

		@Bean
		HangingCheck hangingCheck() {
			return new HangingCheck();
		}

	}

	static class HangingCheck {

		final CountDownLatch release = new CountDownLatch(1);

		@HealthCheck("hanging")
		boolean hanging() throws InterruptedException {
			this.release.await();
			return true;
		}

	}

}
