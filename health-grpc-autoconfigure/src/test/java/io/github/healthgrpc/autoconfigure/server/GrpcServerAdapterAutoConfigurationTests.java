package io.github.healthgrpc.autoconfigure.server;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.server.boot.BootGrpcServerAdapterAutoConfiguration;
import io.github.healthgrpc.autoconfigure.server.devh.DevhGrpcServerAdapterAutoConfiguration;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerSupport;
import net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.BeanDefinitionOverrideException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Startup says what is wrong when the application has no gRPC server that health-grpc
 * supports, or more than one, and goes on with exactly one.
 */
@ExtendWith(OutputCaptureExtension.class)
class GrpcServerAdapterAutoConfigurationTests {

	private static final String[] NEITHER = { "net.devh.", "org.springframework.grpc.",
			"org.springframework.boot.grpc." };

	// health-grpc and both adapters; a test adds the servers it has.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HealthGrpcAutoConfiguration.class, GrpcServerAdapterAutoConfiguration.class,
						DevhGrpcServerAdapterAutoConfiguration.class, BootGrpcServerAdapterAutoConfiguration.class))
		.withPropertyValues("grpc.server.address=127.0.0.1", "spring.grpc.server.port=0",
				"spring.grpc.server.address=127.0.0.1", "grpc.health.shutdown.drain-delay=0s");

	private final ApplicationContextRunner bootRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, GrpcServerAutoConfiguration.class));

	@Test
	void whenNeitherServerIsOnTheClassPathThenStartupFailsNamingTheArtifactsToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NEITHER)).run((context) -> {
			FailureAnalysis analysis = failure(context);
			assertThat(analysis.getDescription()).contains("found no gRPC server that it supports");
			assertThat(analysis.getAction()).contains("org.springframework.boot:spring-boot-starter-grpc-server")
				.contains("net.devh:grpc-server-spring-boot-starter")
				.contains("grpc.health.enabled=false");
		});
	}

	@Test
	void whenHealthGrpcIsDisabledThenNoServerIsRequired() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NEITHER))
			.withPropertyValues("grpc.health.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GrpcServerAdapter.class));
	}

	@Test
	void whenTheOnlyServerOnTheClassPathIsSwitchedOffThenStartupGoesOnAndSaysHealthIsNotServed(CapturedOutput output) {
		this.bootRunner.withClassLoader(new FilteredClassLoader("net.devh."))
			.withPropertyValues("spring.grpc.server.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(GrpcServerAdapter.class);
				assertThat(output).contains("grpc.health.v1.Health is not served: no gRPC server runs (on the class "
						+ "path but switched off: Spring Boot's gRPC server "
						+ "(org.springframework.boot:spring-boot-starter-grpc-server))");
			});
	}

	@Test
	void whenOnlySpringBootsServerIsOnTheClassPathThenItIsServed() {
		this.bootRunner.withClassLoader(new FilteredClassLoader("net.devh.")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(GrpcServerAdapter.class).server().getDescription())
				.isEqualTo("Spring Boot's gRPC server");
		});
	}

	@Test
	void whenBothServersAreOnTheClassPathButSpringBootsIsSwitchedOffThenDevhsIsServed() {
		this.bootRunner.withConfiguration(devh())
			.withPropertyValues("spring.grpc.server.enabled=false", "grpc.server.port=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(GrpcServerAdapter.class).server().getDescription())
					.isEqualTo("devh's gRPC server");
			});
	}

	@Test
	void whenBothServersRunThenStartupFailsNamingBothAndHowToSwitchEitherOff() {
		// devh in-process only, so that the two servers' beans do not clash by name.
		this.bootRunner.withConfiguration(devh())
			.withPropertyValues("grpc.server.port=-1", "grpc.server.in-process-name=devh")
			.run((context) -> assertNamesBothServers(failure(context)));
	}

	@Test
	void whenBothServersDefineTheSameBeanThenTheFailureIsExplainedAsTwoServers() {
		this.bootRunner.withConfiguration(devh()).withPropertyValues("grpc.server.port=0").run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
			assertThat(cause).isInstanceOf(BeanDefinitionOverrideException.class);
			assertNamesBothServers(new GrpcServersClashFailureAnalyzer().analyze(cause));
		});
	}

	@Test
	void whenAnApplicationHasBothServersThenSpringBootReportsTheClashAsTwoServers(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
				.run("--grpc.server.port=0", "--spring.grpc.server.port=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("health-grpc found more than one gRPC server")
			.doesNotContain("Consider renaming one of the beans");
	}

	@Test
	void theCoreTheCheckAndEveryAdapterAreListedAsAutoConfigurations() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())).contains(
				HealthGrpcAutoConfiguration.class.getName(), GrpcServerAdapterAutoConfiguration.class.getName(),
				DevhGrpcServerAdapterAutoConfiguration.class.getName(),
				BootGrpcServerAdapterAutoConfiguration.class.getName());
	}

	@Test
	void everyAdapterDescribesItsServerInSpringFactories() {
		assertThat(GrpcServerSupport.all(getClass().getClassLoader())).map(GrpcServerSupport::describe)
			.containsExactly("Spring Boot's gRPC server (org.springframework.boot:spring-boot-starter-grpc-server)",
					"devh's gRPC server (net.devh:grpc-server-spring-boot-starter)");
	}

	private static AutoConfigurations devh() {
		return AutoConfigurations.of(net.devh.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration.class,
				GrpcServerFactoryAutoConfiguration.class);
	}

	private static void assertNamesBothServers(FailureAnalysis analysis) {
		assertThat(analysis.getDescription()).contains("more than one gRPC server")
			.contains("devh's gRPC server (net.devh:grpc-server-spring-boot-starter)")
			.contains("Spring Boot's gRPC server (org.springframework.boot:spring-boot-starter-grpc-server)");
		assertThat(analysis.getAction()).contains("Keep one gRPC server")
			.contains("spring.grpc.server.enabled=false")
			.contains("spring.autoconfigure.exclude=net.devh.boot.grpc.server.autoconfigure."
					+ "GrpcServerFactoryAutoConfiguration");
	}

	private static FailureAnalysis failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
		assertThat(cause).isInstanceOf(FailureAnalyzedException.class);
		return ((FailureAnalyzedException) cause).analysis();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
