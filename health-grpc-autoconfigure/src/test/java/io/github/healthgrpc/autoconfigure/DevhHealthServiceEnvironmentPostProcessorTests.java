package io.github.healthgrpc.autoconfigure;

import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.Banner;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevhHealthServiceEnvironmentPostProcessorTests {

	private static final String DEVH_HEALTH_SERVICE = "grpc.server.health-service-enabled";

	private final DevhHealthServiceEnvironmentPostProcessor postProcessor =
			new DevhHealthServiceEnvironmentPostProcessor();

	@Test
	void whenEnabledByDefaultThenDevhHealthServiceIsSwitchedOff() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("false");
	}

	@Test
	void whenEnabledExplicitlyThenDevhHealthServiceIsSwitchedOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("grpc.health.enabled", "true");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("false");
	}

	@Test
	void whenDisabledThenDevhHealthServiceIsLeftAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("grpc.health.enabled", "false");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DEVH_HEALTH_SERVICE)).isNull();
	}

	// The post-processor only supplies a default; an explicit value stays, so that the
	// auto-configuration can report a conflict (see the SpringApplication tests below).

	@Test
	void whenUserSetsDevhHealthServiceThenThePostProcessorLeavesItAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty(DEVH_HEALTH_SERVICE, "true");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("true");
	}

	@Test
	void whenUserSetsDevhHealthServiceInAnyPropertySourceThenThePostProcessorLeavesItAlone() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'",
					Map.of(DEVH_HEALTH_SERVICE, "true")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("true");
	}

	@Test
	void whenDefaultPropertiesExistThenTheDefaultIsMergedIntoThemWithoutLosingAny() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(Map.of("app.name", "demo")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("false");
		assertThat(environment.getProperty("app.name")).isEqualTo("demo");
	}

	@Test
	void whenDefaultPropertiesSetDevhHealthServiceThenThePostProcessorLeavesThemAlone() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new DefaultPropertiesPropertySource(Map.of(DEVH_HEALTH_SERVICE, "true")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("true");
	}

	@Test
	void postProcessorIsRegisteredInSpringFactories() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(EnvironmentPostProcessor.class, null, failOnlyForHealthGrpc()))
			.hasAtLeastOneElementOfType(DevhHealthServiceEnvironmentPostProcessor.class);
	}

	@Test
	void autoConfigurationIsListedInImports() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(HealthGrpcAutoConfiguration.class.getName());
	}

	// The tests below run a real SpringApplication: they prove that Spring Boot finds and runs
	// the post-processor, after application properties are loaded.

	@Test
	void whenApplicationStartsThenDevhHealthServiceIsSwitchedOff() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getEnvironment().getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("false");
		}
	}

	@Test
	void whenApplicationDisablesHealthGrpcOnTheCommandLineThenDevhHealthServiceIsLeftAlone() {
		try (ConfigurableApplicationContext context = run("--grpc.health.enabled=false")) {
			assertThat(context.getEnvironment().getProperty(DEVH_HEALTH_SERVICE)).isNull();
		}
	}

	@Test
	void whenApplicationDisablesHealthGrpcInItsPropertiesFileThenDevhHealthServiceIsLeftAlone() {
		// health-grpc-disabled.properties (test resources) sets grpc.health.enabled=false.
		try (ConfigurableApplicationContext context = run("--spring.config.name=health-grpc-disabled")) {
			assertThat(context.getEnvironment().getProperty("grpc.health.enabled")).isEqualTo("false");
			assertThat(context.getEnvironment().getProperty(DEVH_HEALTH_SERVICE)).isNull();
		}
	}

	// An explicit true is left alone by the post-processor, but health-grpc's Health service
	// cannot be bound next to devh's: startup fails with a message naming both properties.

	@Test
	void whenApplicationSetsDevhHealthServiceOnTheCommandLineThenStartupFailsNamingBothProperties() {
		assertFailsNamingBothProperties(() -> application(HealthGrpcConfiguration.class)
			.run("--" + DEVH_HEALTH_SERVICE + "=true"));
	}

	@Test
	void whenApplicationSetsDevhHealthServiceAsDefaultPropertyThenStartupFailsNamingBothProperties() {
		SpringApplication application = application(HealthGrpcConfiguration.class);
		application.setDefaultProperties(Map.of(DEVH_HEALTH_SERVICE, "true"));
		assertFailsNamingBothProperties(application::run);
	}

	@Test
	void whenApplicationSetsDevhHealthServiceInAPropertySourceFileThenStartupFailsNamingBothProperties() {
		// devh-health-service-on.properties (test resources) sets it to true.
		assertFailsNamingBothProperties(() -> application(HealthGrpcConfiguration.class,
				DevhHealthServiceOnConfiguration.class)
			.run());
	}

	@Test
	void whenApplicationSetsDevhHealthServiceAndDisablesHealthGrpcThenDevhServesHealth() {
		try (ConfigurableApplicationContext context = application(HealthGrpcConfiguration.class)
			.run("--" + DEVH_HEALTH_SERVICE + "=true", "--grpc.health.enabled=false")) {
			assertThat(context.getEnvironment().getProperty(DEVH_HEALTH_SERVICE)).isEqualTo("true");
			assertThat(context.getBeanNamesForType(HealthGrpcProperties.class)).isEmpty();
		}
	}

	@Test
	void whenApplicationSetsDevhHealthServiceOffExplicitlyThenHealthGrpcStarts() {
		try (ConfigurableApplicationContext context = application(HealthGrpcConfiguration.class)
			.run("--" + DEVH_HEALTH_SERVICE + "=false", "--grpc.health.shutdown.drain-delay=0s")) {
			assertThat(context.getBeanNamesForType(HealthGrpcProperties.class)).hasSize(1);
		}
	}

	private static void assertFailsNamingBothProperties(ThrowingCallable run) {
		assertThatThrownBy(run).rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
				assertThat(invalid.getName()).isEqualTo(DEVH_HEALTH_SERVICE);
				assertThat(invalid.getValue()).isEqualTo("true");
				assertThat(invalid.getReason()).contains("grpc.health.enabled")
					.contains("only one grpc.health.v1.Health")
					.contains(DEVH_HEALTH_SERVICE + "=false")
					.contains("grpc.health.enabled=false");
			});
	}

	// Other libraries' factories need constructor arguments that only SpringApplication supplies;
	// only a failure to create one of ours matters here.
	private static SpringFactoriesLoader.FailureHandler failOnlyForHealthGrpc() {
		return (factoryType, implementationName, failure) -> {
			if (implementationName.startsWith("io.github.healthgrpc.")) {
				throw new AssertionError("Could not create " + implementationName, failure);
			}
		};
	}

	private static ConfigurableApplicationContext run(String... args) {
		return application(EmptyConfiguration.class).run(args);
	}

	private static SpringApplication application(Class<?>... configurations) {
		SpringApplication application = new SpringApplication(configurations);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setBannerMode(Banner.Mode.OFF);
		return application;
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(HealthGrpcAutoConfiguration.class)
	static class HealthGrpcConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@PropertySource("classpath:devh-health-service-on.properties")
	static class DevhHealthServiceOnConfiguration {

	}

}
