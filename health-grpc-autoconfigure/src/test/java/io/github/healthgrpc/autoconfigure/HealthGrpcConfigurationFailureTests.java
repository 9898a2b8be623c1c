package io.github.healthgrpc.autoconfigure;

import java.util.Map;

import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per configuration mistake, and {@link #failsWith} for the tests of other
 * packages.
 */
public class HealthGrpcConfigurationFailureTests {

	private static final String KNOWN_CHECKS = "Use one of the known checks [cache, db, pricing]";

	private static final String UP_MAPPED_TO_NOT_SERVING = "UP is the status of a healthy check: mapped to "
			+ "not-serving, every service would stay NOT_SERVING however healthy its checks. Remove the mapping "
			+ "of up (UP always serves), or set it to serving.";

	private static final String POSITIVE_DURATION = "It must be a positive duration. Set it to a duration such as 5s";

	// ConfigurationPropertiesAutoConfiguration: as in every application, Spring Boot
	// binds @ConfigurationProperties beans.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthGrpcAutoConfiguration.class))
		.withUserConfiguration(ChecksConfiguration.class)
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenOverallIncludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.overall.include=db,dbx")
			.run(failsWith("grpc.health.overall.include", "db,dbx", "'dbx' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenOverallExcludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.overall.exclude=dbx")
			.run(failsWith("grpc.health.overall.exclude", "dbx", "'dbx' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenServiceWithPlainKeyIncludesUnknownCheckThenStartupFailsNamingThePropertyAsWritten() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.include=pricing,pricnig")
			.run(failsWith("grpc.health.services.demo.Inventory.include", "pricing,pricnig",
					"'pricnig' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenServiceWithBracketsIncludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].include=pricnig")
			.run(failsWith("grpc.health.services[demo.Inventory].include", "pricnig",
					"'pricnig' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenServiceListsChecksWithIndexesThenStartupFailsNamingTheElementWithTheUnknownCheck() {
		this.contextRunner
			.withPropertyValues("grpc.health.services.demo.Inventory.include[0]=db",
					"grpc.health.services.demo.Inventory.include[1]=pricnig")
			.run(failsWith("grpc.health.services.demo.Inventory.include[1]", "pricnig",
					"'pricnig' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenServiceIsMappedByEnvironmentVariableWithUnknownCheckThenStartupFailsNamingTheVariable() {
		this.contextRunner
			.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_SERVICES_DEMO_INVENTORY_INCLUDE", "db,pricnig")))
			.run(failsWith("GRPC_HEALTH_SERVICES_DEMO_INVENTORY_INCLUDE", "db,pricnig",
					"'pricnig' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenServiceExcludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.exclude=pricnig")
			.run(failsWith("grpc.health.services.demo.Inventory.exclude", "pricnig",
					"'pricnig' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenServiceIncludesUnknownCompositeMemberThenStartupFails() {
		// "db" exists but is not a composite, so "db/primary" names nothing.
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.include=db/primary")
			.run(failsWith("grpc.health.services.demo.Inventory.include", "db/primary",
					"'db/primary' is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenServiceExcludesEveryCheckItIncludesThenStartupFails() {
		this.contextRunner
			.withPropertyValues("grpc.health.services.demo.Inventory.include=db",
					"grpc.health.services.demo.Inventory.exclude=db")
			.run(failsWith("grpc.health.services.demo.Inventory.exclude", "db",
					"grpc.health.services[demo.Inventory] selects no check: include [db] minus exclude [db] "
							+ "leaves nothing. Exclude fewer checks, or remove the mapping"));
	}

	@Test
	void whenServiceExcludesEveryCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].exclude=*")
			.run(failsWith("grpc.health.services[demo.Inventory].exclude", "*",
					"grpc.health.services[demo.Inventory] selects no check: include [*] minus exclude [*]"));
	}

	@Test
	void whenSettingsNameUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricnig.interval=2s")
			.run(failsWith("grpc.health.checks.pricnig.interval", "2s",
					"'pricnig' in its name is not a check. " + KNOWN_CHECKS));
	}

	@Test
	void whenSettingsNameACheckThatDiffersFromAnotherOnlyByCaseThenStartupFails() {
		this.contextRunner.withBean("capitalPricing", ManualHealthCheck.class, () -> new ManualHealthCheck("Pricing"))
			.withPropertyValues("grpc.health.checks.pricing.timeout=2s")
			.run(failsWith("grpc.health.checks.pricing.timeout", "2s",
					"'pricing' in its name matches the checks [Pricing, pricing], which differ only by case. "
							+ "Give the checks names that differ by more than case"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenCheckIntervalIsNotPositiveThenStartupFails(String interval) {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.interval=" + interval)
			.run(failsWith("grpc.health.checks.pricing.interval", interval, POSITIVE_DURATION));
	}

	@Test
	void whenDottedCheckIntervalIsNotPositiveThenStartupFailsNamingThePropertyAsWritten() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.api.interval=0s")
			.run(failsWith("grpc.health.checks.pricing.api.interval", "0s", POSITIVE_DURATION));
	}

	@Test
	void whenCheckIntervalIsNotADurationThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.interval=soon")
			.run(failsToBind("grpc.health.checks[pricing].interval"));
	}

	// Spring Boot's map binder alone would drop a dotted key, and its bad value with it.
	@Test
	void whenDottedCheckIntervalIsNotADurationThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.api.interval=soon")
			.run(failsToBind("grpc.health.checks[pricing.api].interval"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenCheckTimeoutIsNotPositiveThenStartupFails(String timeout) {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.timeout=" + timeout)
			.run(failsWith("grpc.health.checks.pricing.timeout", timeout, POSITIVE_DURATION));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenDefaultIntervalIsNotPositiveThenStartupFails(String interval) {
		this.contextRunner.withPropertyValues("grpc.health.defaults.interval=" + interval)
			.run(failsWith("grpc.health.defaults.interval", interval, POSITIVE_DURATION));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenDefaultTimeoutIsNotPositiveThenStartupFails(String timeout) {
		this.contextRunner.withPropertyValues("grpc.health.defaults.timeout=" + timeout)
			.run(failsWith("grpc.health.defaults.timeout", timeout, POSITIVE_DURATION));
	}

	// Spring Boot binds nothing from an empty value, so the default would apply silently.
	@Test
	void whenDefaultIntervalIsEmptyThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.defaults.interval=")
			.run(failsAsUnbound("grpc.health.defaults.interval"));
	}

	@Test
	void whenServiceNameIsBlankThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services[ ].include=db")
			.run(failsWith("grpc.health.services[ ].include", "db",
					"The service name in brackets is empty. Name the gRPC service in full "
							+ "(grpc.health.services[demo.Inventory])"));
	}

	// Spring Boot names an unbound property in its canonical (lower-case) form.
	@Test
	void whenServicePropertyIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.includes=db")
			.run(failsAsUnbound("grpc.health.services.demo.inventory.includes"));
	}

	@Test
	void whenServiceHasNoPropertyAtAllThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory=db")
			.run(failsAsUnbound("grpc.health.services.demo.inventory"));
	}

	@Test
	void whenServicePropertyInBracketsIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].includes=db")
			.run(failsAsUnbound("grpc.health.services[demo.Inventory].includes"));
	}

	// Spring Boot's binder rejects this one first (it reads "include" as a service named
	// "include" whose value "db" is not a group); its error names the property too.
	@Test
	void whenServicesHaveAPropertyWithoutServiceNameThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("grpc.health.services.include=db").run((context) -> {
			assertThat(context).hasFailed();
			BindException bindFailure = findCause(context.getStartupFailure(), BindException.class);
			assertThat(bindFailure).isNotNull();
			assertThat(bindFailure.getName()).hasToString("grpc.health.services.include");
			assertThat(bindFailure.getTarget().getType().toClass()).isEqualTo(HealthGrpcProperties.Group.class);
		});
	}

	@Test
	void whenCheckSettingsPropertyIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.intervall=2s")
			.run(failsAsUnbound("grpc.health.checks.pricing.intervall"));
	}

	@Test
	void whenOverallPropertyIsUnknownThenStartupFails() {
		// Spring Boot's binder alone ignores it, which made overall every check.
		this.contextRunner.withPropertyValues("grpc.health.overall.includes=db")
			.run(failsAsUnbound("grpc.health.overall.includes"));
	}

	@Test
	void whenDefaultsPropertyIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.defaults.intervall=1s")
			.run(failsAsUnbound("grpc.health.defaults.intervall"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "grpc.health.scheduler.pool-sise", "grpc.health.shutdown.drain", "grpc.health.list.max",
			"grpc.health.watch.max-watcher", "grpc.health.security.allow-unauthenticate", "grpc.health.enabled.really",
			"grpc.health.overall.include.db", "grpc.health.overal.include" })
	void whenPropertyIsUnknownThenStartupFails(String property) {
		this.contextRunner.withPropertyValues(property + "=1").run(failsAsUnbound(property));
	}

	@Test
	void whenTwoChecksHaveTheSameNameThenStartupFails() {
		this.contextRunner.withUserConfiguration(DuplicateCheckConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("Check names [db, pricing] are used by more than one check")
				.hasMessageEndingWith("Give every check a unique name.");
		});
	}

	@Test
	void whenSchedulerPoolSizeIsZeroThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.scheduler.pool-size=0")
			.run(failsWith("grpc.health.scheduler.pool-size", "0",
					"It must be positive. Set it to the number of checks that may run at once"));
	}

	@Test
	void whenSchedulerPoolSizeIsZeroInAnEnvironmentVariableThenStartupFailsNamingTheVariable() {
		this.contextRunner.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_SCHEDULER_POOL_SIZE", "0")))
			.run(failsWith("GRPC_HEALTH_SCHEDULER_POOL_SIZE", "0", "It must be positive."));
	}

	@Test
	void whenListMaxServicesIsZeroThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.list.max-services=0")
			.run(failsWith("grpc.health.list.max-services", "0", "It must be positive. Set it to at least 1"));
	}

	@Test
	void whenDrainDelayIsNegativeThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.shutdown.drain-delay=-1s")
			.run(failsWith("grpc.health.shutdown.drain-delay", "-1s", "It must not be negative. Set it to 0s or more"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "up", "UP" })
	void whenUpIsMappedToNotServingThenStartupFails(String key) {
		this.contextRunner.withPropertyValues("grpc.health.status.mapping." + key + "=not-serving")
			.run(failsWith("grpc.health.status.mapping." + key, "not-serving", UP_MAPPED_TO_NOT_SERVING));
	}

	@Test
	void whenUpIsMappedToNotServingInAnEnvironmentVariableThenStartupFailsNamingTheVariable() {
		this.contextRunner.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_STATUS_MAPPING_UP", "NOT_SERVING")))
			.run(failsWith("GRPC_HEALTH_STATUS_MAPPING_UP", "NOT_SERVING", UP_MAPPED_TO_NOT_SERVING));
	}

	@Test
	void whenUpIsMappedToServingThenStartupSucceeds() {
		this.contextRunner
			.withPropertyValues("grpc.health.status.mapping.up=serving", "grpc.health.status.mapping.down=serving")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void whenHealthCheckMethodHasParametersThenStartupFailsNamingBeanAndMethod() {
		this.contextRunner.withBean("badChecks", BadSignatureCheck.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("@HealthCheck method 'check' of bean 'badChecks'")
				.hasMessageContaining("must take no parameters");
		});
	}

	@Test
	void whenHealthCheckNameIsEmptyThenStartupFailsNamingBeanAndMethod() {
		this.contextRunner.withBean("unnamedChecks", UnnamedCheck.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("@HealthCheck method 'check' of bean 'unnamedChecks' has an empty name");
		});
	}

	static ContextConsumer<AssertableApplicationContext> failsToBind(String property) {
		return (context) -> {
			assertThat(context).hasFailed();
			BindException bindFailure = findCause(context.getStartupFailure(), BindException.class);
			assertThat(bindFailure).isNotNull();
			assertThat(bindFailure.getName()).hasToString(property);
		};
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	// An unknown name fails the binding with Spring Boot's own exception for it, which
	// its failure analyzer reports with the value and where it was written.
	private static ContextConsumer<AssertableApplicationContext> failsAsUnbound(String property) {
		return (context) -> {
			assertThat(context).hasFailed();
			UnboundConfigurationPropertiesException unbound = findCause(context.getStartupFailure(),
					UnboundConfigurationPropertiesException.class);
			assertThat(unbound).as("unbound properties in %s", context.getStartupFailure()).isNotNull();
			assertThat(unbound.getUnboundProperties())
				.extracting((unboundProperty) -> unboundProperty.getName().toString())
				.containsExactly(property);
		};
	}

	// Asserts the root cause is Spring Boot's exception for a bad value, naming the
	// property as written, its value, the problem and the fix.
	/**
	 * Asserts that startup failed on one property's value, with a reason that ends a
	 * sentence.
	 * @param property the property as written
	 * @param value the value as bound
	 * @param reason how the reason starts
	 * @return the assertion
	 */
	public static ContextConsumer<AssertableApplicationContext> failsWith(String property, Object value,
			String reason) {
		return (context) -> {
			assertThat(context).hasFailed();
			Throwable root = NestedExceptionUtils.getRootCause(context.getStartupFailure());
			assertThat(root).isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
				assertThat(invalid.getName()).isEqualTo(property);
				assertThat(invalid.getValue()).isEqualTo(value);
				assertThat(invalid.getReason()).startsWith(reason).endsWith(".");
			});
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class ChecksConfiguration {

		@Bean
		HealthIndicator dbHealthIndicator() {
			return () -> Health.up().build();
		}

		@Bean
		HealthGrpcMappingTests.PricingChecks pricingChecks() {
			return new HealthGrpcMappingTests.PricingChecks();
		}

		@Bean
		ManualHealthCheck cacheCheck() {
			return new ManualHealthCheck("cache");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateCheckConfiguration {

		@Bean
		ManualHealthCheck anotherDbCheck() {
			return new ManualHealthCheck("db");
		}

		@Bean
		HealthGrpcMappingTests.PricingChecks morePricingChecks() {
			return new HealthGrpcMappingTests.PricingChecks();
		}

	}

	static class BadSignatureCheck {

		@HealthCheck("bad")
		boolean check(String argument) {
			return true;
		}

	}

	static class UnnamedCheck {

		@HealthCheck("")
		boolean check() {
			return true;
		}

	}

}
