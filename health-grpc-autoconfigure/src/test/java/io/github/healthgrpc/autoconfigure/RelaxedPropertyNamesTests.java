package io.github.healthgrpc.autoconfigure;

import java.util.Map;

import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the check for unknown {@code grpc.health} properties accepts every spelling
 * that Spring Boot's relaxed binding binds, and leaves alone environment variables that
 * only share the prefix.
 */
class RelaxedPropertyNamesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void whenPropertyIsWrittenInCamelCaseThenItBinds() {
		this.contextRunner.withPropertyValues("grpc.health.scheduler.poolSize=2")
			.run((context) -> assertThat(context.getBean(HealthGrpcProperties.class).getScheduler().getPoolSize())
				.isEqualTo(2));
	}

	@Test
	void whenEnvironmentVariableKeepsTheDashAsAnUnderscoreThenItBinds() {
		// Spring Boot binds GRPC_HEALTH_SCHEDULER_POOL_SIZE to pool-size, although it
		// lists the variable as grpc.health.scheduler.pool.size.
		this.contextRunner.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_SCHEDULER_POOL_SIZE", "2")))
			.run((context) -> assertThat(context.getBean(HealthGrpcProperties.class).getScheduler().getPoolSize())
				.isEqualTo(2));
	}

	@Test
	void whenEnvironmentVariableDropsTheDashThenItBinds() {
		this.contextRunner.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_WATCH_MAXWATCHERS", "7")))
			.run((context) -> assertThat(context.getBean(HealthGrpcProperties.class).getWatch().getMaxWatchers())
				.isEqualTo(7));
	}

	@Test
	void whenListIsWrittenWithIndexesThenItBinds() {
		this.contextRunner.withBean(ManualHealthCheck.class, () -> new ManualHealthCheck("cache"))
			.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_OVERALL_EXCLUDE_0", "cache")))
			.run((context) -> assertThat(context.getBean(HealthGrpcProperties.class).getOverall().getExclude())
				.containsExactly("cache"));
	}

	@Test
	void whenEnvironmentVariableOnlySharesThePrefixThenItIsLeftAlone() {
		// Dockerfiles that download grpc_health_probe commonly set this one.
		this.contextRunner.withInitializer(SystemEnvironment.of(Map.of("GRPC_HEALTH_PROBE_VERSION", "v0.4.40")))
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
