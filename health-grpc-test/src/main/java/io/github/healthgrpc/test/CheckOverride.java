package io.github.healthgrpc.test;

import io.github.healthgrpc.engine.CheckRunner;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * One check's result as a test decides it. The result stands in for the check's own at
 * once, and every service that includes the check follows; the real check goes on running
 * on its schedule, and {@link #restore()} (or the end of the test method) puts its latest
 * own result back at once.
 *
 * @since 0.1.0
 * @see HealthGrpcTester#check(String)
 */
public final class CheckOverride {

	private static final String REASON = "reason";

	private final String name;

	private final CheckRunner runner;

	CheckOverride(String name, CheckRunner runner) {
		this.name = name;
		this.runner = runner;
	}

	/**
	 * Simulate an outage: the check is DOWN.
	 * @throws IllegalArgumentException if no check of this name runs
	 */
	public void down() {
		down("simulated by HealthGrpcTester");
	}

	/**
	 * Simulate an outage: the check is DOWN for the given reason, kept in its details.
	 * @param reason why
	 * @throws IllegalArgumentException if no check of this name runs
	 */
	public void down(String reason) {
		set(Health.down().withDetail(REASON, reason).build());
	}

	/**
	 * Simulate a recovery: the check is UP, whatever the dependency says.
	 * @throws IllegalArgumentException if no check of this name runs
	 */
	public void up() {
		status(Status.UP);
	}

	/**
	 * Give the check the given status.
	 * @param status the status, such as {@link Status#OUT_OF_SERVICE}
	 * @throws IllegalArgumentException if no check of this name runs
	 */
	public void status(Status status) {
		set(Health.status(status).build());
	}

	/**
	 * Give the check its own latest result back.
	 */
	public void restore() {
		this.runner.restore(this.name);
	}

	private void set(Health health) {
		this.runner.override(this.name, health);
	}

}
