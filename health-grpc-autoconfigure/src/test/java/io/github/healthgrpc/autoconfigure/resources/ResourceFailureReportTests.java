package io.github.healthgrpc.autoconfigure.resources;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Proves that a real application reports a bad threshold through Spring Boot's failure
 * analyzer: the property, its value, where it was written, and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResourceFailureReportTests {

	@Test
	void aPercentageWrittenAsAThresholdIsReportedWithWhereItWasWrittenAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--grpc.health.resources.heap.warn-threshold=90"));
		assertThat(output)
			.contains("Invalid value '90' for configuration property 'grpc.health.resources.heap.warn-threshold' "
					+ "(originating from '\"grpc.health.resources.heap.warn-threshold\" from property source "
					+ "\"commandLineArgs\"')")
			.contains("It must be a ratio above 0 and at most 1, such as 0.9 for 90%: write a percentage as a ratio.");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(ResourcesConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setBannerMode(Banner.Mode.OFF);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HealthGrpcAutoConfiguration.class, ResourceChecksAutoConfiguration.class })
	static class ResourcesConfiguration {

	}

}
