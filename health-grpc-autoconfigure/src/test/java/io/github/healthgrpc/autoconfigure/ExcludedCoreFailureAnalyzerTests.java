package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.store.StatusStore;
import io.github.healthgrpc.upstream.UpstreamCheckSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Excluding health-grpc's core auto-configuration, by property or by annotation, on
 * either server, fails the start with an explanation that names
 * {@code grpc.health.enabled=false}, not with Spring Boot's advice to define the missing
 * bean; a missing bean that has another cause is left to Spring Boot's analysis.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExcludedCoreFailureAnalyzerTests {

	private static final String EXCLUDE_CORE = "--spring.autoconfigure.exclude="
			+ HealthGrpcAutoConfiguration.class.getName();

	// devh's server alone: Spring Boot's is on the class path too, switched off here.
	private static final String[] DEVH_ONLY = { "--spring.grpc.server.enabled=false", "--grpc.server.port=0",
			"--grpc.server.address=127.0.0.1", "--grpc.health.shutdown.drain-delay=0s" };

	@Test
	void whenTheCoreIsExcludedByPropertyThenTheFailureSaysHowToSwitchHealthGrpcOff(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Application.class, EXCLUDE_CORE));
		assertExplained(output);
		assertThat(output).contains("so no HealthGrpcService is defined");
	}

	@Test
	void whenTheCoreIsExcludedByAnnotationThenTheFailureSaysHowToSwitchHealthGrpcOff(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(ExcludingApplication.class));
		assertExplained(output);
		assertThat(output).contains("so no HealthGrpcService is defined");
	}

	@Test
	void onSpringBootsServerTheFailureSaysTheSame(CapturedOutput output) {
		// devh's server switched off as the clash analysis advises, with the core
		// excluded.
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
				.run("--spring.grpc.server.port=0", "--spring.grpc.server.address=127.0.0.1",
						"--grpc.health.shutdown.drain-delay=0s",
						EXCLUDE_CORE + ",net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration")
				.close());
		assertExplained(output);
	}

	@Test
	void whenHealthGrpcIsSwitchedOffAMissingBeanIsLeftToSpringBoot(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(NeedsStatusStore.class, "--grpc.health.enabled=false"));
		assertLeftToSpringBoot(output, StatusStore.class);
	}

	@Test
	void whenTheCoreRunsAMissingBeanIsLeftToSpringBoot(CapturedOutput output) {
		// No upstream is configured, so no upstream check source is defined.
		assertThatException().isThrownBy(() -> start(NeedsUpstreamChecks.class));
		assertLeftToSpringBoot(output, UpstreamCheckSource.class);
	}

	private static void start(Class<?> application, String... args) {
		String[] all = new String[DEVH_ONLY.length + args.length];
		System.arraycopy(DEVH_ONLY, 0, all, 0, DEVH_ONLY.length);
		System.arraycopy(args, 0, all, DEVH_ONLY.length, args.length);
		new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(all).close();
	}

	private static void assertExplained(CapturedOutput output) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("health-grpc's HealthGrpcAutoConfiguration is left out (excluded, or missing from a list of "
					+ "auto-configurations) while other parts of health-grpc run")
			.contains("set grpc.health.enabled=false instead of excluding "
					+ "io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration")
			.doesNotContain("Consider defining a bean");
	}

	private static void assertLeftToSpringBoot(CapturedOutput output, Class<?> missing) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Consider defining a bean of type '" + missing.getName() + "'")
			.doesNotContain("is left out");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = HealthGrpcAutoConfiguration.class)
	static class ExcludingApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NeedsStatusStore {

		@Bean
		String statusStoreUser(StatusStore store) {
			return "uses " + store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NeedsUpstreamChecks {

		@Bean
		String upstreamChecksUser(UpstreamCheckSource upstreams) {
			return "uses " + upstreams;
		}

	}

}
