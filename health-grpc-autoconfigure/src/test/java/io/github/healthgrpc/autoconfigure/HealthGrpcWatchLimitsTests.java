package io.github.healthgrpc.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the Watch limits bind from {@code grpc.health.watch.*}, and that a limit
 * that is not positive stops startup naming the property.
 */
class HealthGrpcWatchLimitsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void limitsDefaultToTenThousandWatchersAndAHundredUnknownServices() {
		this.contextRunner.run((context) -> {
			HealthGrpcProperties.Watch watch = context.getBean(HealthGrpcProperties.class).getWatch();
			assertThat(watch.getMaxWatchers()).isEqualTo(10_000);
			assertThat(watch.getMaxUnknownServices()).isEqualTo(100);
		});
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

}
