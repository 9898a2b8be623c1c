package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.grpc.HealthGrpcService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Excluding health-grpc's core auto-configuration, by property or by annotation, fails
 * the start with an explanation that names {@code grpc.health.enabled=false}, not with
 * Spring Boot's advice to define the missing bean.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExcludedCoreFailureAnalyzerTests {

	// devh's server alone: Spring Boot's is on the class path too, switched off here.
	private static final String[] DEVH_ONLY = { "--spring.grpc.server.enabled=false", "--grpc.server.port=0",
			"--grpc.server.address=127.0.0.1", "--grpc.health.shutdown.drain-delay=0s",
			"--logging.level.org.springframework.boot.diagnostics=trace" };

	@Test
	void whenTheCoreIsExcludedByPropertyThenTheFailureSaysHowToSwitchHealthGrpcOff(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Application.class,
				"--spring.autoconfigure.exclude=" + HealthGrpcAutoConfiguration.class.getName()));
		assertExplained(output);
	}

	@Test
	void whenTheCoreIsExcludedByAnnotationThenTheFailureSaysHowToSwitchHealthGrpcOff(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(ExcludingApplication.class));
		assertExplained(output);
	}

	@Test
	void aMissingBeanIsLeftToSpringBootWhenTheCoreIsNotExcluded() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition(HealthGrpcAutoConfiguration.class.getName(),
				new RootBeanDefinition(HealthGrpcAutoConfiguration.class));
		assertThat(new ExcludedCoreFailureAnalyzer(beanFactory)
			.analyze(new NoSuchBeanDefinitionException(HealthGrpcService.class))).isNull();
	}

	@Test
	void aMissingBeanOfAnotherLibraryIsLeftToSpringBootEvenWhenTheCoreIsExcluded() {
		ExcludedCoreFailureAnalyzer analyzer = new ExcludedCoreFailureAnalyzer(new DefaultListableBeanFactory());
		assertThat(analyzer.analyze(new NoSuchBeanDefinitionException(String.class))).isNull();
		assertThat(analyzer.analyze(new NoSuchBeanDefinitionException(HealthGrpcService.class))).isNotNull();
	}

	private static void start(Class<?> application, String... args) {
		String[] all = new String[DEVH_ONLY.length + args.length];
		System.arraycopy(DEVH_ONLY, 0, all, 0, DEVH_ONLY.length);
		System.arraycopy(args, 0, all, DEVH_ONLY.length, args.length);
		new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(all).close();
	}

	private static void assertExplained(CapturedOutput output) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("health-grpc's HealthGrpcAutoConfiguration is excluded")
			.contains("but the rest of health-grpc is not: it needs a HealthGrpcService")
			.contains("set grpc.health.enabled=false instead of excluding "
					+ "io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration")
			.doesNotContain("Consider defining a bean");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = HealthGrpcAutoConfiguration.class)
	static class ExcludingApplication {

	}

}
