package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
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

class HealthGrpcConfigurationFailureTests {

	private static final String KNOWN_CHECKS = "Use one of the known checks [cache, db, pricing]";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
				HealthGrpcAutoConfiguration.class))
		.withUserConfiguration(ChecksConfiguration.class)
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenOverallIncludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.overall.include=db,dbx")
			.run(failsWith("grpc.health.overall.include", "names the unknown check 'dbx'", KNOWN_CHECKS));
	}

	@Test
	void whenOverallExcludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.overall.exclude=dbx")
			.run(failsWith("grpc.health.overall.exclude", "names the unknown check 'dbx'", KNOWN_CHECKS));
	}

	@Test
	void whenServiceWithPlainKeyIncludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.include=pricing,pricnig")
			.run(failsWith("grpc.health.services[demo.Inventory].include", "names the unknown check 'pricnig'",
					KNOWN_CHECKS));
	}

	@Test
	void whenServiceWithBracketsIncludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].include=pricnig")
			.run(failsWith("grpc.health.services[demo.Inventory].include", "names the unknown check 'pricnig'",
					KNOWN_CHECKS));
	}

	@Test
	void whenServiceExcludesUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.exclude=pricnig")
			.run(failsWith("grpc.health.services[demo.Inventory].exclude", "names the unknown check 'pricnig'",
					KNOWN_CHECKS));
	}

	@Test
	void whenServiceIncludesUnknownCompositeMemberThenStartupFails() {
		// "db" exists but is not a composite, so "db/primary" names nothing.
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.include=db/primary")
			.run(failsWith("grpc.health.services[demo.Inventory].include", "names the unknown check 'db/primary'",
					KNOWN_CHECKS));
	}

	@Test
	void whenSettingsNameUnknownCheckThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricnig.interval=2s")
			.run(failsWith("grpc.health.checks[pricnig]", "names the unknown check 'pricnig'", KNOWN_CHECKS));
	}

	@Test
	void whenSettingsNameACheckThatDiffersFromAnotherOnlyByCaseThenStartupFails() {
		this.contextRunner.withBean("capitalPricing", ManualHealthCheck.class, () -> new ManualHealthCheck("Pricing"))
			.withPropertyValues("grpc.health.checks.pricing.interval=2s")
			.run(failsWith("grpc.health.checks[pricing]",
					"names the checks [Pricing, pricing], which differ only by case",
					"Give the checks names that differ by more than case"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenCheckIntervalIsNotPositiveThenStartupFails(String interval) {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.interval=" + interval)
			.run(failsWith("grpc.health.checks[pricing].interval", "must be a positive duration but is ",
					"Set it to a positive duration such as 5s or 500ms"));
	}

	// Spring Boot's binding of HealthGrpcProperties rejects this one first.
	@Test
	void whenCheckIntervalIsNotADurationThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.interval=soon")
			.run(failsToBind("grpc.health.checks.pricing.interval"));
	}

	// Spring Boot's map binder ignores a dotted key, so health-grpc's own binding must reject it.
	@Test
	void whenDottedCheckIntervalIsNotADurationThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.api.interval=soon")
			.run(failsToBind("grpc.health.checks[pricing.api].interval"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenCheckTimeoutIsNotPositiveThenStartupFails(String timeout) {
		this.contextRunner.withPropertyValues("grpc.health.checks.pricing.timeout=" + timeout)
			.run(failsWith("grpc.health.checks[pricing].timeout", "must be a positive duration but is ",
					"Set it to a positive duration such as 5s or 500ms"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenDefaultIntervalIsNotPositiveThenStartupFails(String interval) {
		this.contextRunner.withPropertyValues("grpc.health.defaults.interval=" + interval)
			.run(failsWith("grpc.health.defaults.interval", "must be a positive duration but is ",
					"Set it to a positive duration such as 5s or 500ms"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1s" })
	void whenDefaultTimeoutIsNotPositiveThenStartupFails(String timeout) {
		this.contextRunner.withPropertyValues("grpc.health.defaults.timeout=" + timeout)
			.run(failsWith("grpc.health.defaults.timeout", "must be a positive duration but is ",
					"Set it to a positive duration such as 5s or 500ms"));
	}

	@Test
	void whenServiceNameIsBlankThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services[ ].include=db")
			.run(failsWith("grpc.health.services[ ]", "has an empty service name",
					"Name the gRPC service in full (demo.Inventory)"));
	}

	// The property is named in Spring Boot's canonical (lower-case) form, as Boot's own binding errors do.
	@Test
	void whenServicePropertyIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.includes=db")
			.run(failsWith("grpc.health.services.demo.inventory.includes", "is not a property health-grpc knows",
					"Write grpc.health.services.<name>."));
	}

	@Test
	void whenServiceHasNoPropertyAtAllThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory=db")
			.run(failsWith("grpc.health.services.demo.inventory", "is not a property health-grpc knows",
					"Write grpc.health.services.<name>."));
	}

	@Test
	void whenServicePropertyInBracketsIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.services[demo.Inventory].includes=db")
			.run(failsWith("grpc.health.services[demo.Inventory].includes", "is not a property health-grpc knows",
					"Write grpc.health.services.<name>."));
	}

	// Spring Boot's binder rejects this one first (it reads "include" as a service named "include"
	// whose value "db" is not a group); its error names the property too.
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
			.run(failsWith("grpc.health.checks.pricing.intervall", "is not a property health-grpc knows",
					"Write grpc.health.checks.<name>."));
	}

	@Test
	void whenOverallPropertyIsUnknownThenStartupFails() {
		// Spring Boot's binder ignores it, which made overall every check.
		this.contextRunner.withPropertyValues("grpc.health.overall.includes=db")
			.run(failsWith("grpc.health.overall.includes", "is not a property health-grpc knows",
					"Write grpc.health.overall.exclude or .include"));
	}

	@Test
	void whenDefaultsPropertyIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.defaults.intervall=1s")
			.run(failsWith("grpc.health.defaults.intervall", "is not a property health-grpc knows",
					"Write grpc.health.defaults.interval or .timeout"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			grpc.health.scheduler.pool-sise        | Write grpc.health.scheduler.pool-size
			grpc.health.shutdown.drain             | Write grpc.health.shutdown.drain-delay
			grpc.health.list.max                   | Write grpc.health.list.max-services
			grpc.health.watch.max-watcher          | Write grpc.health.watch.max-unknown-services or .max-watchers
			grpc.health.security.allow-unauthenticate | Write grpc.health.security.allow-unauthenticated
			grpc.health.enabled.really             | Give grpc.health.enabled a value; it has no properties
			grpc.health.overall.include.db         | Give grpc.health.overall.include a value; it has no properties
			""")
	void whenPropertyInAGroupIsUnknownThenStartupFails(String property, String action) {
		this.contextRunner.withPropertyValues(property + "=1")
			.run(failsWith(property, "is not a property health-grpc knows", action));
	}

	@Test
	void whenTopLevelPropertyIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.overal.include=db")
			.run(failsWith("grpc.health.overal.include", "is not a property health-grpc knows",
					"Write grpc.health.checks or .defaults or .enabled or .list or .overall"));
	}

	@Test
	void whenTwoChecksHaveTheSameNameThenStartupFails() {
		this.contextRunner.withUserConfiguration(DuplicateCheckConfiguration.class)
			.run(failsWith("Check names [db, pricing]", "are used by more than one check",
					"Give every check a unique name"));
	}

	@Test
	void whenSchedulerPoolSizeIsZeroThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.scheduler.pool-size=0")
			.run(failsWith("grpc.health.scheduler.pool-size", "must be positive but is 0",
					"Set it to the number of checks that may run at once"));
	}

	@Test
	void whenListMaxServicesIsZeroThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.list.max-services=0")
			.run(failsWith("grpc.health.list.max-services", "must be positive but is 0", "Set it to at least 1"));
	}

	@Test
	void whenDrainDelayIsNegativeThenStartupFails() {
		this.contextRunner.withPropertyValues("grpc.health.shutdown.drain-delay=-1s")
			.run(failsWith("grpc.health.shutdown.drain-delay", "must not be negative but is PT-1S",
					"Set it to 0s or more"));
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

	@Test
	void whenConfigurationIsInvalidThenFailureAnalyzerDescribesPropertyAndFix() {
		this.contextRunner.withPropertyValues("grpc.health.services.demo.Inventory.include=pricnig")
			.run((context) -> {
				FailureAnalysis analysis = new InvalidHealthConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("The gRPC health configuration is invalid: "
						+ "grpc.health.services[demo.Inventory].include names the unknown check 'pricnig'.");
				assertThat(analysis.getAction()).startsWith(KNOWN_CHECKS).endsWith("or * for all");
				assertThat(analysis.getCause()).isInstanceOf(InvalidHealthConfigurationException.class);
			});
	}

	@Test
	void whenFailureIsNotAboutHealthConfigurationThenFailureAnalyzerStaysOut() {
		assertThat(new InvalidHealthConfigurationFailureAnalyzer()
			.analyze(new IllegalStateException("unrelated", new IllegalArgumentException("cause")))).isNull();
	}

	private static ContextConsumer<AssertableApplicationContext> failsToBind(String property) {
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

	// Asserts the root cause is our exception, naming the property, the problem and the fix.
	private static ContextConsumer<AssertableApplicationContext> failsWith(String property, String problem,
			String action) {
		return (context) -> {
			assertThat(context).hasFailed();
			Throwable root = NestedExceptionUtils.getRootCause(context.getStartupFailure());
			assertThat(root).isInstanceOf(InvalidHealthConfigurationException.class);
			InvalidHealthConfigurationException invalid = (InvalidHealthConfigurationException) root;
			assertThat(invalid.getProperty()).isEqualTo(property);
			assertThat(invalid.getProblem()).startsWith(problem);
			assertThat(invalid.getAction()).startsWith(action);
			assertThat(invalid).hasMessageStartingWith(property + " " + problem);
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
