package io.github.healthgrpc.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.Mockito.mock;

/**
 * Where the zero drain delay sits among the property sources, and a context without
 * health-grpc.
 */
class HealthGrpcTestContextCustomizerTests {

	private static final String DRAIN_DELAY = HealthGrpcTestContextCustomizer.DRAIN_DELAY;

	@Test
	void theZeroDrainDelayWinsOverTheApplicationsConfiguration() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addLast(source("application.yml", "10s"));
		customize(context);
		assertThat(context.getEnvironment().getProperty(DRAIN_DELAY)).isEqualTo("0s");
	}

	@Test
	void aSystemPropertyAndTheTestsOwnPropertiesWinOverTheZeroDrainDelay() {
		GenericApplicationContext context = new GenericApplicationContext();
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
				source(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, "5s"));
		customize(context);
		assertThat(context.getEnvironment().getProperty(DRAIN_DELAY)).isEqualTo("5s");
		sources.addFirst(source("Inlined Test Properties", "3s"));
		assertThat(context.getEnvironment().getProperty(DRAIN_DELAY)).isEqualTo("3s");
	}

	@Test
	void aContextWithoutHealthGrpcStartsAndTheTesterSaysWhyItIsMissing() {
		TestContext testContext = new TestContextManager(WithoutHealthGrpc.class).getTestContext();
		try {
			ApplicationContext context = testContext.getApplicationContext();
			assertThatException().isThrownBy(() -> context.getBean(HealthGrpcTester.class))
				.havingRootCause()
				.withMessageStartingWith("HealthGrpcTester needs health-grpc's StatusStore and CheckRunner");
		}
		finally {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
	}

	private void customize(GenericApplicationContext context) {
		new HealthGrpcTestContextCustomizer().customizeContext(context, mock(MergedContextConfiguration.class));
	}

	private static MapPropertySource source(String name, String drainDelay) {
		return new MapPropertySource(name, Map.of(DRAIN_DELAY, drainDelay));
	}

	@SpringBootTest(classes = InventoryApplication.class,
			properties = { "grpc.health.enabled=false", InventoryApplication.BOOT_OFF, "grpc.server.port=-1" })
	static class WithoutHealthGrpc {

	}

}
