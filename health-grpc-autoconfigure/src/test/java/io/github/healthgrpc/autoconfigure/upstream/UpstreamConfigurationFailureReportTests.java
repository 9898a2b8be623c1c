package io.github.healthgrpc.autoconfigure.upstream;

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
 * A real application reports a bad upstream check through Spring Boot's failure analyzer:
 * the property as written, its value, where it was written, and the reason with the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpstreamConfigurationFailureReportTests {

	@Test
	void aTargetGrpcJavaCannotParseIsReportedWithWhatGrpcJavaSaidAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--grpc.health.upstreams.inventory.target=foo://x"));
		assertThat(output)
			.contains("Invalid value 'foo://x' for configuration property 'grpc.health.upstreams.inventory.target' "
					+ "(originating from '\"grpc.health.upstreams.inventory.target\" from property source "
					+ "\"commandLineArgs\"')")
			.contains("grpc-java cannot make a channel to it (Could not find a NameResolverProvider for foo://x). "
					+ "Give a gRPC target, such as dns:///inventory:9090 or inventory:9090.");
	}

	@Test
	void aTimeoutThatIsNotPositiveIsReportedWithTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--grpc.health.upstreams.inventory.target=127.0.0.1:1",
				"--grpc.health.upstreams.inventory.timeout=0s"));
		assertThat(output)
			.contains("Invalid value '0s' for configuration property 'grpc.health.upstreams.inventory.timeout'")
			.contains("It must be a positive duration. Set it to a duration such as 5s or 500ms.");
	}

	@Test
	void aSelfLoopIsReportedWithTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--spring.grpc.server.port=7070", "--grpc.health.upstreams.inventory.target=localhost:7070"));
		assertThat(output)
			.contains("Invalid value 'localhost:7070' for configuration property "
					+ "'grpc.health.upstreams.inventory.target'")
			.contains("This is this application's own server, and the status the check follows there (the overall "
					+ "status) includes the check inventory itself, so it could never turn SERVING. Point it at the "
					+ "server it depends on.");
	}

	private static void run(String... args) {
		SpringApplication application = new SpringApplication(UpstreamApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setBannerMode(Banner.Mode.OFF);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HealthGrpcAutoConfiguration.class, UpstreamChecksAutoConfiguration.class })
	static class UpstreamApplication {

	}

}
