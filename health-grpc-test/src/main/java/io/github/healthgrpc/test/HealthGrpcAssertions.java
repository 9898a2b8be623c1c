package io.github.healthgrpc.test;

/**
 * Entry point of the AssertJ assertions on health-grpc's serving statuses:
 *
 * <pre class="code">
 * assertThat(health).service("demo.Inventory").isServing();
 * assertThat(health).service("demo.Inventory").becomesNotServingWithin(Duration.ofSeconds(1));
 * </pre>
 *
 * Its {@code assertThat} sits beside AssertJ's own: import both statically.
 *
 * @since 0.1.0
 */
public final class HealthGrpcAssertions {

	private HealthGrpcAssertions() {
	}

	/**
	 * Assertions on what health-grpc reports in the tester's application.
	 * @param tester the application's tester
	 * @return the assertions
	 */
	public static HealthGrpcAssert assertThat(HealthGrpcTester tester) {
		return new HealthGrpcAssert(tester);
	}

}
