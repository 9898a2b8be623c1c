package io.github.healthgrpc.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the engine follows the context's lifecycle: a stopped context polls no
 * more, and one started again polls again.
 */
class HealthEngineLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
		.withPropertyValues("grpc.health.defaults.interval=50ms");

	@Test
	void aContextStoppedAndStartedAgainPollsAgain() {
		this.contextRunner.withUserConfiguration(HealthGrpcMappingTests.CountingCheckConfiguration.class).run((context) -> {
			HealthGrpcMappingTests.CountingCheck check = context.getBean(HealthGrpcMappingTests.CountingCheck.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> check.runs.get() >= 3);
			context.stop();
			int runsWhenStopped = check.runs.get();
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
				.until(() -> check.runs.get() <= runsWhenStopped + 1);
			context.start();
			await().atMost(Duration.ofSeconds(5)).until(() -> check.runs.get() >= runsWhenStopped + 3);
		});
	}

	@Test
	void aWildcardIsValidInAnApplicationWithoutChecks() {
		this.contextRunner.withPropertyValues("grpc.health.overall.include=*", "grpc.health.overall.exclude=*")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
