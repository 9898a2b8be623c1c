package io.github.healthgrpc.test;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.grpc.test.autoconfigure.AutoConfigureTestGrpcTransport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextManager;

import static io.github.healthgrpc.test.HealthGrpcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite's cached contexts close without the drain delay: each context below is loaded
 * through Spring's test context framework (and its cache) as a test class of a user's
 * suite would be, serves, and is then closed as the cache closes it, timed.
 */
class DrainDelayUnderTestTests {

	private static final Duration DEFAULT_DRAIN_DELAY = Duration.ofSeconds(3);

	@Test
	void severalCachedContextsThatServedCloseWithoutTheDrainDelay() {
		List<Class<?>> suite = List.of(OnBootsServer.class, OnBootsServerWithAnotherMapping.class, OnDevhsServer.class,
				WithTheApplicationsOwnDrainDelay.class);
		for (Class<?> testClass : suite) {
			Duration close = serveAndClose(testClass);
			System.out.printf("context of %s closed in %d ms%n", testClass.getSimpleName(), close.toMillis());
			assertThat(close).isLessThan(DEFAULT_DRAIN_DELAY.dividedBy(3));
		}
	}

	@Test
	void aTestThatSetsTheDrainDelayItselfGetsIt() {
		Duration close = serveAndClose(WithTheDrainDelaySetByTheTest.class);
		System.out.printf("context with drain-delay=3s set by the test closed in %d ms%n", close.toMillis());
		assertThat(close).isGreaterThanOrEqualTo(DEFAULT_DRAIN_DELAY);
	}

	private Duration serveAndClose(Class<?> testClass) {
		TestContext testContext = new TestContextManager(testClass).getTestContext();
		ApplicationContext context = testContext.getApplicationContext();
		long start = 0;
		try {
			// Only an application that served drains: make sure this one did.
			HealthGrpcTester health = context.getBean(HealthGrpcTester.class);
			assertThat(health).overall().becomesServingWithin(Duration.ofSeconds(10));
			assertThat(health).service("demo.Inventory").isServing();
		}
		finally {
			// Closed as the context cache closes it, also on failure: Spring Boot's test
			// transport serves every context under one in-process name
			// (spring-boot#50860).
			start = System.nanoTime();
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@SpringBootTest(classes = InventoryApplication.class, properties = InventoryApplication.DEVH_OFF)
	@AutoConfigureTestGrpcTransport
	static class OnBootsServer {

	}

	@SpringBootTest(classes = InventoryApplication.class,
			properties = { InventoryApplication.DEVH_OFF, "grpc.health.services.[demo.Inventory].include=db,ping" })
	@AutoConfigureTestGrpcTransport
	static class OnBootsServerWithAnotherMapping {

	}

	@SpringBootTest(classes = InventoryApplication.class,
			properties = { InventoryApplication.BOOT_OFF, "grpc.server.in-process-name=drain", "grpc.server.port=-1" })
	static class OnDevhsServer {

	}

	@SpringBootTest(classes = InventoryApplication.class,
			properties = { InventoryApplication.DEVH_OFF,
					"spring.config.additional-location=classpath:drain-10s.properties" })
	@AutoConfigureTestGrpcTransport
	static class WithTheApplicationsOwnDrainDelay {

	}

	@SpringBootTest(classes = InventoryApplication.class,
			properties = { InventoryApplication.DEVH_OFF, "grpc.health.shutdown.drain-delay=3s" })
	@AutoConfigureTestGrpcTransport
	static class WithTheDrainDelaySetByTheTest {

	}

}
