package io.github.healthgrpc.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.healthgrpc.grpc.WatchLimits;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the Watch limits bind from {@code grpc.health.watch.*} with the defaults
 * that {@link WatchLimits} defines (the configuration metadata included), and that a
 * limit that is not positive stops startup naming the property. What the limits do to
 * Watch calls is proved on a real server by {@code HostileRequestTests},
 * {@code WatchConnectionLimitTests} and {@code WatchFloodTests}.
 */
class HealthGrpcWatchLimitsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void limitsDefaultToTheWatchLimitsDefaults() {
		this.contextRunner.run((context) -> {
			HealthGrpcProperties.Watch watch = context.getBean(HealthGrpcProperties.class).getWatch();
			assertThat(watch.getMaxWatchers()).isEqualTo(WatchLimits.DEFAULTS.maxWatchers()).isEqualTo(10_000);
			assertThat(watch.getMaxUnknownServices()).isEqualTo(WatchLimits.DEFAULTS.maxUnknownServices())
				.isEqualTo(100);
		});
	}

	@Test
	void theConfigurationMetadataShowsTheWatchLimitsDefaults() throws IOException {
		assertThat(metadataDefault("grpc.health.watch.max-watchers")).isEqualTo(WatchLimits.DEFAULT_MAX_WATCHERS);
		assertThat(metadataDefault("grpc.health.watch.max-unknown-services"))
			.isEqualTo(WatchLimits.DEFAULT_MAX_UNKNOWN_SERVICES);
	}

	@Test
	void limitsBindFromTheirProperties() {
		this.contextRunner
			.withPropertyValues("grpc.health.watch.max-watchers=50", "grpc.health.watch.max-unknown-services=5")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthGrpcProperties.Watch watch = context.getBean(HealthGrpcProperties.class).getWatch();
				assertThat(watch.getMaxWatchers()).isEqualTo(50);
				assertThat(watch.getMaxUnknownServices()).isEqualTo(5);
			});
	}

	@Test
	void aMaxWatchersThatIsNotPositiveStopsStartupNamingTheProperty() {
		assertFailsNaming("grpc.health.watch.max-watchers", "0");
	}

	@Test
	void aMaxUnknownServicesThatIsNotPositiveStopsStartupNamingTheProperty() {
		assertFailsNaming("grpc.health.watch.max-unknown-services", "-1");
	}

	// The per-connection cap gave way to sharing max-watchers fairly between connections
	// (WatchFloodTests): a configuration that still sets it must not start believing it
	// holds.
	@Test
	void theRemovedMaxPerConnectionStopsStartupAsUnbound() {
		this.contextRunner.withPropertyValues("grpc.health.watch.max-per-connection=100").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(UnboundConfigurationPropertiesException.class,
						(unbound) -> assertThat(unbound.getUnboundProperties())
							.extracting((property) -> property.getName().toString())
							.containsExactly("grpc.health.watch.max-per-connection"));
		});
	}

	@Test
	void theConfigurationMetadataNoLongerListsMaxPerConnection() throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			List<Object> entries = JsonPath.read(new String(json.readAllBytes(), StandardCharsets.UTF_8),
					"$.properties[?(@.name == 'grpc.health.watch.max-per-connection')]");
			assertThat(entries).isEmpty();
		}
	}

	private void assertFailsNaming(String property, String value) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
					assertThat(invalid.getName()).isEqualTo(property);
					assertThat(invalid.getValue()).isEqualTo(value);
					assertThat(invalid.getReason()).startsWith("It must be positive.");
				});
		});
	}

	private static Object metadataDefault(String property) throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			List<Object> defaults = JsonPath.read(new String(json.readAllBytes(), StandardCharsets.UTF_8),
					"$.properties[?(@.name == '" + property + "')].defaultValue");
			assertThat(defaults).as("default of %s in the configuration metadata", property).hasSize(1);
			return defaults.get(0);
		}
	}

}
