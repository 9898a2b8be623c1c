package io.github.healthgrpc.test;

import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Drives and reads health-grpc in a test: simulates a dependency's outage by overriding a
 * check's result, and reads the serving status that every view (gRPC Health, the
 * Actuator, the metrics) reports. Inject it in any Spring test of an application that has
 * this module on its test class path, and assert with
 * {@link HealthGrpcAssertions#assertThat}:
 *
 * <pre class="code">
 * &#64;Autowired HealthGrpcTester health;
 *
 * health.check("db").down();
 * assertThat(health).service("demo.Inventory").becomesNotServingWithin(Duration.ofSeconds(1));
 * </pre>
 *
 * Overrides end after each test method ({@link RestoreOverridesTestExecutionListener}).
 *
 * @since 0.1.0
 */
public final class HealthGrpcTester {

	private final StatusStore store;

	private final CheckRunner runner;

	/**
	 * Create a tester of the given engine.
	 * @param store the status store that every view reads
	 * @param runner the engine that records the checks' results in it
	 */
	public HealthGrpcTester(StatusStore store, CheckRunner runner) {
		Assert.notNull(store, "StatusStore must not be null");
		Assert.notNull(runner, "CheckRunner must not be null");
		this.store = store;
		this.runner = runner;
	}

	/**
	 * The check of the given name, to override its result.
	 * @param name the check's name, as the {@code grpc.health} mappings refer to it
	 * @return the check's override
	 */
	public CheckOverride check(String name) {
		Assert.hasText(name, "Check name must not be empty");
		return new CheckOverride(name, this.runner);
	}

	/**
	 * The serving status that health-grpc reports now for a service.
	 * @param service the gRPC service's full name, {@code ""} for the server overall
	 * @return the status, or {@code null} if health-grpc knows no such service
	 */
	public @Nullable ServingState status(String service) {
		return this.store.status(service);
	}

	/**
	 * Restore every check overridden so far.
	 */
	public void restoreAll() {
		restoreAll(this.runner);
	}

	StatusStore store() {
		return this.store;
	}

	static void restoreAll(CheckRunner runner) {
		runner.overridden().forEach(runner::restore);
	}

}
