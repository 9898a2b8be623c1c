package io.github.healthgrpc.autoconfigure.server;

import java.util.Map;

import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.BindableService;
import io.grpc.protobuf.services.HealthStatusManager;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tests every server's {@link OwnHealthServiceSwitch} must pass: its own health
 * service is off by default while health-grpc's is on, left alone otherwise, and an
 * explicit {@code true} stops startup naming both properties. Each server's adapter runs
 * them through a subclass.
 */
public abstract class OwnHealthServiceSwitchTests {

	private final OwnHealthServiceSwitch postProcessor;

	private final String property;

	private final String healthService;

	private final String classPathPrefix;

	private final TestGrpcServer server;

	private final Class<?> propertySourceConfiguration;

	/**
	 * Create the tests for one server.
	 * @param postProcessor the server's switch
	 * @param property the property that switches the server's health service on
	 * @param healthService the server's health service, as the failure names it
	 * @param classPathPrefix the package prefix of the server's classes
	 * @param server the server, as the end-to-end tests start it
	 * @param propertySourceConfiguration a configuration whose {@code @PropertySource}
	 * file sets the property to {@code true}
	 */
	protected OwnHealthServiceSwitchTests(OwnHealthServiceSwitch postProcessor, String property, String healthService,
			String classPathPrefix, TestGrpcServer server, Class<?> propertySourceConfiguration) {
		this.postProcessor = postProcessor;
		this.property = property;
		this.healthService = healthService;
		this.classPathPrefix = classPathPrefix;
		this.server = server;
		this.propertySourceConfiguration = propertySourceConfiguration;
	}

	@Test
	void whenEnabledByDefaultThenTheServersHealthServiceIsSwitchedOff() {
		assertThat(postProcess(new MockEnvironment()).getProperty(this.property)).isEqualTo("false");
	}

	@Test
	void whenEnabledExplicitlyThenTheServersHealthServiceIsSwitchedOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("grpc.health.enabled", "true");
		assertThat(postProcess(environment).getProperty(this.property)).isEqualTo("false");
	}

	@Test
	void whenDisabledThenTheServersHealthServiceIsLeftAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("grpc.health.enabled", "false");
		assertThat(postProcess(environment).getProperty(this.property)).isNull();
	}

	@Test
	void whenTheServerIsNotOnTheClassPathThenNothingIsSet() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment,
				new SpringApplication(new DefaultResourceLoader(new FilteredClassLoader(this.classPathPrefix))));
		assertThat(environment.getProperty(this.property)).isNull();
	}

	// The post-processor only supplies a default; an explicit value stays, so that the
	// adapter can report a conflict (see the SpringApplication tests below).

	@Test
	void whenUserSetsTheServersHealthServiceThenThePostProcessorLeavesItAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty(this.property, "true");
		assertThat(postProcess(environment).getProperty(this.property)).isEqualTo("true");
	}

	@Test
	void whenUserSetsTheServersHealthServiceInAnyPropertySourceThenThePostProcessorLeavesItAlone() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'",
					Map.of(this.property, "true")));
		assertThat(postProcess(environment).getProperty(this.property)).isEqualTo("true");
	}

	@Test
	void whenDefaultPropertiesExistThenTheDefaultIsMergedIntoThemWithoutLosingAny() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(Map.of("app.name", "demo")));
		postProcess(environment);
		assertThat(environment.getProperty(this.property)).isEqualTo("false");
		assertThat(environment.getProperty("app.name")).isEqualTo("demo");
	}

	@Test
	void whenDefaultPropertiesSetTheServersHealthServiceThenThePostProcessorLeavesThemAlone() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(Map.of(this.property, "true")));
		assertThat(postProcess(environment).getProperty(this.property)).isEqualTo("true");
	}

	@Test
	void postProcessorIsRegisteredInSpringFactories() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(EnvironmentPostProcessor.class, null, failOnlyForHealthGrpc()))
			.hasAtLeastOneElementOfType(this.postProcessor.getClass());
	}

	// The tests below run a real SpringApplication on the server: they prove that Spring
	// Boot finds and runs the post-processor, after application properties are loaded.

	@Test
	void whenApplicationStartsThenTheServersHealthServiceIsSwitchedOffAndHealthGrpcServes() {
		try (ConfigurableApplicationContext context = application(HealthGrpcApplication.class).run()) {
			assertThat(context.getEnvironment().getProperty(this.property)).isEqualTo("false");
			// The one manager is health-grpc's, bridged to its store, and no Health
			// service of grpc-java's (the server's own) is bound.
			assertThat(context.getBeansOfType(HealthStatusManager.class))
				.containsOnlyKeys("healthGrpcHealthStatusManager");
			assertThat(context.getBeansOfType(BindableService.class).values()).noneMatch(
					(service) -> service.getClass().getName().equals("io.grpc.protobuf.services.HealthServiceImpl"));
			assertThat(context.getBeansOfType(GrpcServerAdapter.class)).hasSize(1);
		}
	}

	@Test
	void whenApplicationDisablesHealthGrpcOnTheCommandLineThenTheServersHealthServiceIsLeftAlone() {
		try (ConfigurableApplicationContext context = application(HealthGrpcApplication.class)
			.run("--grpc.health.enabled=false")) {
			assertThat(context.getEnvironment().getProperty(this.property)).isNull();
		}
	}

	@Test
	void whenApplicationDisablesHealthGrpcInItsPropertiesFileThenTheServersHealthServiceIsLeftAlone() {
		// health-grpc-disabled.properties (test resources) sets
		// grpc.health.enabled=false.
		try (ConfigurableApplicationContext context = application(HealthGrpcApplication.class)
			.run("--spring.config.name=health-grpc-disabled")) {
			assertThat(context.getEnvironment().getProperty("grpc.health.enabled")).isEqualTo("false");
			assertThat(context.getEnvironment().getProperty(this.property)).isNull();
		}
	}

	// An explicit true is left alone by the post-processor, but health-grpc's Health
	// service cannot be bound next to the server's: startup fails with a message naming
	// both properties.

	@Test
	void whenApplicationSetsTheServersHealthServiceOnTheCommandLineThenStartupFailsNamingBothProperties() {
		assertFailsNamingBothProperties(
				() -> application(HealthGrpcApplication.class).run("--" + this.property + "=true"));
	}

	@Test
	void whenApplicationSetsTheServersHealthServiceAsDefaultPropertyThenStartupFailsNamingBothProperties() {
		assertFailsNamingBothProperties(
				() -> application(HealthGrpcApplication.class).properties(this.property + "=true").run());
	}

	@Test
	void whenApplicationSetsTheServersHealthServiceInAPropertySourceFileThenStartupFailsNamingBothProperties() {
		assertFailsNamingBothProperties(() -> application(this.propertySourceConfiguration).run());
	}

	@Test
	void whenApplicationSetsTheServersHealthServiceAndDisablesHealthGrpcThenTheServersOwnServesHealth() {
		try (ConfigurableApplicationContext context = application(HealthGrpcApplication.class)
			.run("--" + this.property + "=true", "--grpc.health.enabled=false")) {
			assertThat(context.getEnvironment().getProperty(this.property)).isEqualTo("true");
			assertThat(context.getBeansOfType(GrpcServerAdapter.class)).isEmpty();
			assertThat(context.getBeansOfType(HealthStatusManager.class)).hasSize(1);
		}
	}

	@Test
	void whenApplicationSetsTheServersHealthServiceOffExplicitlyThenHealthGrpcStarts() {
		try (ConfigurableApplicationContext context = application(HealthGrpcApplication.class)
			.run("--" + this.property + "=false")) {
			assertThat(context.getBeansOfType(GrpcServerAdapter.class)).hasSize(1);
		}
	}

	private <E extends org.springframework.core.env.ConfigurableEnvironment> E postProcess(E environment) {
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	private SpringApplicationBuilder application(Class<?> configuration) {
		return this.server.application(configuration).properties("grpc.health.shutdown.drain-delay=0s");
	}

	private void assertFailsNamingBothProperties(ThrowingCallable run) {
		assertThatThrownBy(run).rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
				assertThat(invalid.getName()).isEqualTo(this.property);
				assertThat(invalid.getValue()).isEqualTo("true");
				assertThat(invalid.getReason()).isEqualTo("A gRPC server can bind only one grpc.health.v1.Health, "
						+ "and health-grpc serves it while grpc.health.enabled is true. Set " + this.property
						+ "=false (or remove it) to serve health-grpc's checks, or grpc.health.enabled=false to keep "
						+ this.healthService + ".");
			});
	}

	// Other libraries' factories need constructor arguments that only SpringApplication
	// supplies; only a failure to create one of ours matters here.
	private static SpringFactoriesLoader.FailureHandler failOnlyForHealthGrpc() {
		return (factoryType, implementationName, failure) -> {
			if (implementationName.startsWith("io.github.healthgrpc.")) {
				throw new AssertionError("Could not create " + implementationName, failure);
			}
		};
	}

	/**
	 * An application with every auto-configuration, as a user's would be.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class HealthGrpcApplication {

	}

}
