package io.github.healthgrpc.autoconfigure.resources;

import java.time.Duration;
import java.util.Set;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.healthgrpc.autoconfigure.HealthGrpcConfigurationFailureTests.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ResourceChecksAutoConfigurationTests {

	private static final String INVENTORY = "demo.Inventory";

	private static final String RATIO = "It must be a ratio above 0 and at most 1, such as 0.9 for 90%";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HealthGrpcAutoConfiguration.class, ResourceChecksAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void resourceChecksAreOffByDefault() {
		this.contextRunner.withUserConfiguration(PricingCheck.class).run((context) -> {
			assertThat(context).hasSingleBean(ResourceSettings.class)
				.doesNotHaveBean("healthGrpcHeapCheck")
				.doesNotHaveBean("healthGrpcCpuCheck");
			assertThat(members(context, StatusStore.OVERALL)).containsExactly("pricing");
		});
	}

	@Test
	void heapEnabledIsACheckNamedHeapThatAServiceIncludesByName() {
		this.contextRunner.withUserConfiguration(PricingCheck.class)
			.withPropertyValues("grpc.health.resources.heap.enabled=true",
					"grpc.health.services.demo.Inventory.include=heap,pricing")
			.run((context) -> {
				assertThat(members(context, INVENTORY)).containsExactlyInAnyOrder("heap", "pricing");
				// Enabled, it joins the overall status like any check unless overall
				// lists its checks.
				assertThat(members(context, StatusStore.OVERALL)).containsExactlyInAnyOrder("heap", "pricing");
				Health heap = firstResult(context, "heap");
				assertThat(heap.getDetails()).containsKeys("pool", "used", "max", "ratio", "observedValue",
						"observedUnit");
			});
	}

	@Test
	void cpuEnabledIsACheckNamedCpuThatAServiceIncludesByName() {
		this.contextRunner
			.withPropertyValues("grpc.health.resources.cpu.enabled=true", "grpc.health.resources.cpu.window=10s",
					"grpc.health.services.demo.Inventory.include=cpu")
			.run((context) -> {
				assertThat(context).doesNotHaveBean("healthGrpcHeapCheck");
				assertThat(members(context, INVENTORY)).containsExactly("cpu");
				assertThat(firstResult(context, "cpu").getDetails()).containsKeys("load", "window", "processors",
						"observedValue", "observedUnit");
			});
	}

	@Test
	void aResourceCheckRunsOnTheIntervalSetForItsName() {
		this.contextRunner
			.withPropertyValues("grpc.health.resources.cpu.enabled=true", "grpc.health.checks.cpu.interval=50ms",
					"grpc.health.services.demo.Inventory.include=cpu")
			.run((context) -> {
				StatusStore store = context.getBean(StatusStore.class);
				Health first = firstResult(context, "cpu");
				// A new result every 50 ms: the default interval of 5 s would keep the
				// first.
				await().atMost(Duration.ofSeconds(5)).until(() -> store.checkResult("cpu") != first);
			});
	}

	@Test
	void aResourceCheckThatIsOffIsNotACheckToMapOrSchedule() {
		this.contextRunner.withPropertyValues("grpc.health.checks.heap.interval=1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'heap' in its name is not a check")
				.hasMessageContaining("heap and cpu once grpc.health.resources.<name>.enabled is true"));
	}

	@Test
	void whenHealthGrpcIsDisabledThereAreNoResourceChecks() {
		this.contextRunner.withPropertyValues("grpc.health.enabled=false", "grpc.health.resources.heap.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ResourceSettings.class)
				.doesNotHaveBean("healthGrpcHeapCheck"));
	}

	@Test
	void anApplicationBeanNamedLikeAResourceCheckReplacesIt() {
		this.contextRunner.withUserConfiguration(OwnHeapCheck.class)
			.withPropertyValues("grpc.health.resources.heap.enabled=true")
			.run((context) -> assertThat(context.getBean("healthGrpcHeapCheck")).isInstanceOf(String.class));
	}

	@Test
	void anApplicationCheckWithTheNameOfAnEnabledResourceCheckStopsStartup() {
		this.contextRunner.withUserConfiguration(ClashingChecks.class)
			.withPropertyValues("grpc.health.resources.heap.enabled=true", "grpc.health.resources.cpu.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Check names [cpu, heap] are used by more than one check")
				.hasMessageContaining("grpc.health.resources")
				.hasMessageEndingWith("Give every check a unique name."));
	}

	@Test
	void anApplicationCheckNamedLikeAResourceCheckThatIsOffIsAnOrdinaryCheck() {
		this.contextRunner.withUserConfiguration(ClashingChecks.class)
			.run((context) -> assertThat(members(context, StatusStore.OVERALL)).containsExactlyInAnyOrder("heap",
					"cpu"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "heap", "cpu" })
	void aWarnThresholdAboveOneStopsStartup(String check) {
		this.contextRunner.withPropertyValues("grpc.health.resources." + check + ".warn-threshold=90")
			.run(failsWith("grpc.health.resources." + check + ".warn-threshold", 90.0, RATIO));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-0.5", "1.01", "NaN" })
	void aFailThresholdOutsideZeroToOneStopsStartup(String value) {
		this.contextRunner.withPropertyValues("grpc.health.resources.heap.fail-threshold=" + value)
			.run(failsWith("grpc.health.resources.heap.fail-threshold", Double.parseDouble(value), RATIO));
	}

	@Test
	void aFailThresholdAtTheWarnThresholdStopsStartupNamingBoth() {
		this.contextRunner
			.withPropertyValues("grpc.health.resources.cpu.warn-threshold=0.9",
					"grpc.health.resources.cpu.fail-threshold=0.9")
			.run(failsWith("grpc.health.resources.cpu.fail-threshold", 0.9,
					"It must be above grpc.health.resources.cpu.warn-threshold (0.9): the cpu check warns first "
							+ "and fails later. Raise it, or lower the warn threshold"));
	}

	@Test
	void aWarnThresholdAboveTheDefaultFailThresholdStopsStartupAlthoughTheCheckIsOff() {
		this.contextRunner.withPropertyValues("grpc.health.resources.heap.warn-threshold=0.99")
			.run(failsWith("grpc.health.resources.heap.fail-threshold", 0.98,
					"It must be above grpc.health.resources.heap.warn-threshold (0.99)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0s", "-1m" })
	void aWindowThatIsNotPositiveStopsStartup(String window) {
		this.contextRunner.withPropertyValues("grpc.health.resources.cpu.window=" + window)
			.run(failsWith("grpc.health.resources.cpu.window", Duration.parse(window.equals("0s") ? "PT0S" : "PT-1M"),
					"It must be a positive duration. Set it to the time the CPU load is averaged over, such as 1m"));
	}

	@Test
	void anUnknownResourcePropertyStopsStartup() {
		this.contextRunner.withPropertyValues("grpc.health.resources.heap.treshold=0.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("grpc.health.resources.heap.treshold"));
	}

	private static Set<String> members(AssertableApplicationContext context, String service) {
		assertThat(context).hasNotFailed();
		return context.getBean(StatusStore.class).health(service).checks().keySet();
	}

	private static Health firstResult(AssertableApplicationContext context, String check) {
		StatusStore store = context.getBean(StatusStore.class);
		return await().atMost(Duration.ofSeconds(10)).until(() -> store.checkResult(check), (health) -> health != null);
	}

	@Configuration(proxyBeanMethods = false)
	static class PricingCheck {

		@HealthCheck("pricing")
		boolean pricing() {
			return true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHeapCheck {

		@Bean
		String healthGrpcHeapCheck() {
			return "the application's own";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClashingChecks {

		@HealthCheck("heap")
		boolean heap() {
			return true;
		}

		@Bean
		ManualHealthCheck cpuCheck() {
			return new ManualHealthCheck("cpu");
		}

	}

}
