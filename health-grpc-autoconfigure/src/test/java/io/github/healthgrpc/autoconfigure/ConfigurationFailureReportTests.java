package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Proves that a real application reports bad {@code grpc.health} configuration through
 * Spring Boot's own failure analyzers: the property as written, its value, where it was
 * written, and the reason with the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureReportTests {

	@Test
	void anUnknownCheckInAYamlListIsReportedAtItsElementWithTheKnownChecks(CapturedOutput output) {
		// health-grpc-unknown-check.yml (test resources) maps demo.Inventory to [db,
		// pricng].
		assertThatException().isThrownBy(() -> run("--spring.config.name=health-grpc-unknown-check"));
		assertThat(output)
			.contains("Invalid value 'pricng' for configuration property "
					+ "'grpc.health.services.demo.Inventory.include[1]' (originating from 'class path resource "
					+ "[health-grpc-unknown-check.yml] - 5:23').")
			.contains("'pricng' is not a check. Use one of the known checks [db] (Actuator health contributors")
			.contains("Review the value of the property with the provided reason.");
	}

	@Test
	void anUnknownPropertyIsReportedWithItsValueAndWhereItWasWritten(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--grpc.health.overall.includes=db"));
		assertThat(output).contains("Property: grpc.health.overall.includes")
			.contains("Value: \"db\"")
			.contains("Origin: \"grpc.health.overall.includes\" from property source \"commandLineArgs\"")
			.contains("Reason: The elements [grpc.health.overall.includes] were left unbound.")
			.contains("Update your application's configuration");
	}

	@Test
	void aNumberThatIsNotPositiveIsReportedWithTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--grpc.health.scheduler.pool-size=0"));
		assertThat(output).contains("Invalid value '0' for configuration property 'grpc.health.scheduler.pool-size'")
			.contains("It must be positive. Set it to the number of checks that may run at once, such as 4.");
	}

	@Test
	void upMappedToNotServingIsReportedWithTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--grpc.health.status.mapping.up=not-serving"));
		assertThat(output)
			.contains("Invalid value 'not-serving' for configuration property 'grpc.health.status.mapping.up' "
					+ "(originating from '\"grpc.health.status.mapping.up\" from property source \"commandLineArgs\"')")
			.contains("every service would stay NOT_SERVING however healthy its checks. Remove the mapping of up "
					+ "(UP always serves), or set it to serving.");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(ChecksConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setBannerMode(Banner.Mode.OFF);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(HealthGrpcAutoConfiguration.class)
	static class ChecksConfiguration {

		@Bean
		ManualHealthCheck dbCheck() {
			return new ManualHealthCheck("db");
		}

	}

}
