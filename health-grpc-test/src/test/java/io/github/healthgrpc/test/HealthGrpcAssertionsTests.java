package io.github.healthgrpc.test;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.healthgrpc.test.HealthGrpcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a user writes: simulate an outage, assert the status or wait for its change.
 * Shares its cached context with {@link DevhInProcessHealthTests}; the methods run in
 * order, so the second sees what the first left behind.
 */
@SpringBootTest(classes = InventoryApplication.class,
		properties = { InventoryApplication.BOOT_OFF, "grpc.server.in-process-name=inventory", "grpc.server.port=-1" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthGrpcAssertionsTests {

	@Autowired
	private HealthGrpcTester health;

	@Test
	@Order(1)
	void aSimulatedOutageTurnsTheServicesThatIncludeTheCheckNotServing() {
		assertThat(this.health).service("demo.Inventory").becomesServingWithin(Duration.ofSeconds(10));
		this.health.check("db").down();
		assertThat(this.health).service("demo.Inventory").becomesNotServingWithin(Duration.ofSeconds(1));
		assertThat(this.health).overall().isNotServing();
	}

	@Test
	@Order(2)
	void theNextTestInTheSameCachedContextSeesTheCheckRestored() {
		// No wait: the override ended, and the check's own result was back, after the
		// last test.
		assertThat(this.health).service("demo.Inventory").isServing();
		assertThat(this.health).overall().isServing();
	}

	@Test
	@Order(3)
	void aCheckCanBeGivenAnyStatusAndRestoredWithinATest() {
		this.health.check("db").status(Status.OUT_OF_SERVICE);
		assertThat(this.health).service("demo.Inventory").isNotServing();
		this.health.check("db").restore();
		assertThat(this.health).service("demo.Inventory").isServing();
	}

	@Test
	@Order(4)
	void aFailureNamesTheStatusAndTheMemberChecks() {
		this.health.check("db").down("connection refused");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.health).service("demo.Inventory").isServing())
			.withMessage("Expected gRPC service 'demo.Inventory' to be SERVING, but it is NOT_SERVING "
					+ "(member checks: {db=DOWN})");
	}

	@Test
	@Order(5)
	void waitingForAChangeThatDoesNotComeFailsAfterTheTimeout() {
		this.health.check("db").down();
		long start = System.nanoTime();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(
				() -> assertThat(this.health).service("demo.Inventory").becomesServingWithin(Duration.ofMillis(300)))
			.withMessage("Expected gRPC service 'demo.Inventory' to become SERVING within PT0.3S, but it is "
					+ "NOT_SERVING (member checks: {db=DOWN})");
		long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		System.out.printf("becomesServingWithin(300 ms) failed after %d ms%n", waitedMillis);
		assertThat(waitedMillis).isBetween(300L, 2000L);
	}

	@Test
	@Order(6)
	void anUnknownServiceFailsNamingTheKnownOnes() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.health).service("demo.Inventroy").isServing())
			.withMessageStartingWith("Expected gRPC service 'demo.Inventroy' to be SERVING, but health-grpc knows "
					+ "no such service; it knows [")
			.withMessageContaining("demo.Inventory");
	}

	@Test
	@Order(7)
	void anUnknownCheckFailsNamingTheChecksThatRun() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.health.check("dv").down())
			.withMessageStartingWith("No check named 'dv' runs; the checks that run are [")
			.withMessageContaining("db");
	}

}
