package io.github.healthgrpc.autoconfigure.upstream;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.grpc.client.autoconfigure.CompositeChannelFactoryAutoConfiguration;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static io.github.healthgrpc.autoconfigure.HealthGrpcConfigurationFailureTests.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per upstream check that could never work: startup fails on the property as
 * written, with its value, the problem and the fix. Nothing listens on the targets of the
 * checks that start: a failed connection is a DOWN check, not a failed startup.
 */
class UpstreamConfigurationFailureTests {

	private static final String INVENTORY = "grpc.health.upstreams.inventory";

	private static final String POSITIVE_DURATION = "It must be a positive duration. Set it to a duration such as 5s";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthGrpcAutoConfiguration.class,
				UpstreamChecksAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	private final ApplicationContextRunner withBootClient = this.contextRunner
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, GrpcClientAutoConfiguration.class,
				CompositeChannelFactoryAutoConfiguration.class));

	@Test
	void whenTargetAndChannelAreBothSetThenStartupFails() {
		this.withBootClient
			.withPropertyValues(INVENTORY + ".target=127.0.0.1:1", INVENTORY + ".channel=inventory",
					"spring.grpc.client.channel.inventory.target=127.0.0.1:1")
			.run(failsWith(INVENTORY + ".channel", "inventory",
					"It is set together with " + INVENTORY
							+ ".target, and the check can only follow one upstream. Set exactly one of " + INVENTORY
							+ ".target (a gRPC target such as dns:///inventory:9090) and " + INVENTORY + ".channel"));
	}

	@Test
	void whenNeitherTargetNorChannelIsSetThenStartupFails() {
		this.contextRunner.withPropertyValues(INVENTORY + ".service=demo.Inventory")
			.run(failsWith(INVENTORY + ".target", "", "Neither it nor " + INVENTORY + ".channel is set, so the check "
					+ "has no upstream to follow. Set exactly one of " + INVENTORY + ".target"));
	}

	@Test
	void whenTargetIsEmptyThenStartupFails() {
		this.contextRunner.withPropertyValues(INVENTORY + ".target= ")
			.run(failsWith(INVENTORY + ".target", "", "It is empty. Set it to a gRPC target, such as "
					+ "dns:///inventory:9090 or inventory:9090, or use " + INVENTORY + ".channel"));
	}

	// grpc-java parses the target when the channel is built, at startup: "dns:///%%%" is
	// no URI, "foo://x" has a scheme no name resolver serves.
	@ParameterizedTest
	@ValueSource(strings = { "dns:///%%%", "foo://x", "localhost:abc" })
	void whenTargetIsNotAGrpcTargetThenStartupFails(String target) {
		this.contextRunner.withPropertyValues(INVENTORY + ".target=" + target)
			.run(failsWith(INVENTORY + ".target", target, "grpc-java cannot make a channel to it ("));
	}

	@Test
	void whenTargetIsNotAGrpcTargetThenTheReasonSaysWhatGrpcJavaSaidAndTheFix() {
		this.contextRunner.withPropertyValues(INVENTORY + ".target=foo://x").run((context) -> {
			failsWith(INVENTORY + ".target", "foo://x",
					"grpc-java cannot make a channel to it (Could not find a NameResolverProvider for foo://x). "
							+ "Give a gRPC target, such as dns:///inventory:9090 or inventory:9090.")
				.accept(context);
		});
	}

	@Test
	void whenChannelIsUnknownThenStartupFailsListingTheConfiguredChannels() {
		this.withBootClient
			.withPropertyValues(INVENTORY + ".channel=inventroy",
					"spring.grpc.client.channel.inventory.target=127.0.0.1:1",
					"spring.grpc.client.channel.pricing.target=127.0.0.1:2")
			.run(failsWith(INVENTORY + ".channel", "inventroy",
					"No gRPC client channel has this name. Configured channels: spring.grpc.client.channel.inventory, "
							+ "spring.grpc.client.channel.pricing. Configure it under "
							+ "spring.grpc.client.channel.inventroy, or name a configured one."));
	}

	@Test
	void whenChannelIsNamedWithoutAGrpcClientThenStartupFails() {
		this.contextRunner.withPropertyValues(INVENTORY + ".channel=inventory")
			.run(failsWith(INVENTORY + ".channel", "inventory",
					"No gRPC client is configured in this application: add Spring Boot's "
							+ "spring-boot-starter-grpc-client or devh's grpc-client-spring-boot-starter and configure "
							+ "the channel there, or set " + INVENTORY + ".target instead."));
	}

	// Neither client's classes are there: naming a channel fails with the fix, not with a
	// class-loading error.
	@Test
	void whenChannelIsNamedWithNoGrpcClientOnTheClassPathThenStartupFails() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.grpc.client.",
					"org.springframework.boot.grpc.client.", "net.devh.boot.grpc.client."))
			.withPropertyValues(INVENTORY + ".channel=inventory")
			.run(failsWith(INVENTORY + ".channel", "inventory", "No gRPC client is configured in this application"));
	}

	// The overall status includes every check by default, this one too.
	@ParameterizedTest
	@ValueSource(strings = { "localhost:7070", "127.0.0.1:7070", "dns:///localhost:7070", "[::1]:7070" })
	void whenTargetIsThisApplicationsOwnServerForAStatusThatIncludesTheCheckThenStartupFails(String target) {
		this.contextRunner.withPropertyValues("spring.grpc.server.port=7070", INVENTORY + ".target=" + target)
			.run(failsWith(INVENTORY + ".target", target,
					"This is this application's own server, and the status the check follows there (the overall "
							+ "status) includes the check inventory itself, so it could never turn SERVING. Point it "
							+ "at the server it depends on."));
	}

	@Test
	void whenTargetIsThisApplicationsHealthPortForAServiceThatIncludesTheCheckThenStartupFails() {
		this.contextRunner
			.withPropertyValues("grpc.health.port=7071", INVENTORY + ".target=localhost:7071",
					INVENTORY + ".service=demo.Orders", "grpc.health.services.demo.Orders.include=inventory")
			.run(failsWith(INVENTORY + ".target", "localhost:7071",
					"This is this application's own server, and the status the check follows there (demo.Orders) "
							+ "includes the check inventory itself"));
	}

	// Following another service of one's own server is a loop only if that service
	// includes the check.
	@Test
	void whenTargetIsThisApplicationsOwnServerForAServiceThatLeavesTheCheckOutThenStartupSucceeds() {
		this.contextRunner
			.withPropertyValues("spring.grpc.server.port=7070", INVENTORY + ".target=localhost:7070",
					INVENTORY + ".service=demo.Stock", "grpc.health.services.demo.Stock.exclude=inventory")
			.withBean(ManualHealthCheck.class, () -> new ManualHealthCheck("stock"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void whenUpstreamCheckHasTheNameOfAHealthIndicatorThenStartupFails() {
		this.contextRunner.withBean("inventoryHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.withPropertyValues(INVENTORY + ".target=127.0.0.1:1")
			.run(failsWith(INVENTORY + ".target", "127.0.0.1:1",
					"'inventory', the name of this upstream check, is also the name of another check (a health "
							+ "contributor, a @HealthCheck method, a ManualHealthCheck bean or a resource check), and "
							+ "check names are unique. Give the upstream check another name, such as " + INVENTORY
							+ "-upstream."));
	}

	@Test
	void whenUpstreamCheckHasTheNameOfAHealthCheckMethodThenStartupFails() {
		this.withBootClient.withBean(InventoryCheck.class)
			.withPropertyValues(INVENTORY + ".channel=inventory",
					"spring.grpc.client.channel.inventory.target=127.0.0.1:1")
			.run(failsWith(INVENTORY + ".channel", "inventory",
					"'inventory', the name of this upstream check, is also the name of another check"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "timeout", "keepalive-time", "keepalive-timeout" })
	void whenADurationIsZeroThenStartupFails(String property) {
		this.contextRunner.withPropertyValues(INVENTORY + ".target=127.0.0.1:1", INVENTORY + "." + property + "=0s")
			.run(failsWith(INVENTORY + "." + property, "0s", POSITIVE_DURATION));
	}

	@ParameterizedTest
	@ValueSource(strings = { "timeout", "keepalive-time", "keepalive-timeout" })
	void whenADurationIsNegativeThenStartupFails(String property) {
		this.contextRunner.withPropertyValues(INVENTORY + ".target=127.0.0.1:1", INVENTORY + "." + property + "=-1s")
			.run(failsWith(INVENTORY + "." + property, "-1s", POSITIVE_DURATION));
	}

	@Test
	void whenAnUpstreamPropertyIsUnknownThenStartupFails() {
		this.contextRunner.withPropertyValues(INVENTORY + ".targit=127.0.0.1:1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasRootCauseInstanceOf(UnboundConfigurationPropertiesException.class);
			UnboundConfigurationPropertiesException unbound = (UnboundConfigurationPropertiesException) NestedExceptionUtils
				.getRootCause(context.getStartupFailure());
			assertThat(unbound.getUnboundProperties()).extracting((property) -> property.getName().toString())
				.containsExactly(INVENTORY + ".targit");
		});
	}

	static class InventoryCheck {

		@HealthCheck("inventory")
		boolean inventory() {
			return true;
		}

	}

}
