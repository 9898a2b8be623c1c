package io.github.healthgrpc.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.engine.Ticks;
import org.junit.jupiter.api.Test;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the engine follows the context's lifecycle: a stopped context polls no
 * more, one started again polls again, and the application's check listeners hear it, in
 * a lazy context too.
 */
class HealthEngineLifecycleTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
		.withPropertyValues("grpc.health.defaults.interval=50ms");

	@Test
	void aContextStoppedAndStartedAgainPollsAgain() {
		this.contextRunner.withUserConfiguration(HealthGrpcMappingTests.CountingCheckConfiguration.class)
			.run((context) -> {
				HealthGrpcMappingTests.CountingCheck check = context
					.getBean(HealthGrpcMappingTests.CountingCheck.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> check.runs.get() >= 3);
				context.stop();
				int runsWhenStopped = check.runs.get();
				// A stopped engine has no timer to count: intervals of the same 50ms pass
				// on an engine of its own.
				try (Ticks ticks = Ticks.ownEngine(new CheckSchedule(Duration.ofMillis(50), Duration.ofSeconds(2)))) {
					ticks.awaitMore(4);
				}
				assertThat(check.runs.get()).isLessThanOrEqualTo(runsWhenStopped + 1);
				context.start();
				await().atMost(Duration.ofSeconds(5)).until(() -> check.runs.get() >= runsWhenStopped + 3);
			});
	}

	@Test
	void aWildcardIsValidInAnApplicationWithoutChecks() {
		this.contextRunner.withPropertyValues("grpc.health.overall.include=*", "grpc.health.overall.exclude=*")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void anApplicationsCheckListenerHearsTheEngineInALazyContext() {
		List<String> heard = new CopyOnWriteArrayList<>();
		CheckListener listener = new CheckListener() {

			@Override
			public void added(String checkName) {
				heard.add("added " + checkName);
			}

			@Override
			public void recorded(String checkName, Health health) {
				heard.add("recorded " + checkName);
			}

		};
		this.contextRunner.withUserConfiguration(HealthGrpcMappingTests.CountingCheckConfiguration.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withBean("listener", CheckListener.class, () -> listener)
			.run((context) -> await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(heard).contains("added counted", "recorded counted")));
	}

}
