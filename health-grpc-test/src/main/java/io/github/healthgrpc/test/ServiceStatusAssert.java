package io.github.healthgrpc.test;

import java.time.Duration;

import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.ServingState;
import org.assertj.core.api.AbstractAssert;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on one gRPC service's serving status, as the gRPC Health service
 * reports it: now, or within a time as the application reacts to a change. A failure
 * names the status found and the service's member checks with theirs.
 *
 * @since 0.1.0
 * @see HealthGrpcAssert#service(String)
 */
public class ServiceStatusAssert extends AbstractAssert<ServiceStatusAssert, HealthGrpcTester> {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private final String service;

	ServiceStatusAssert(HealthGrpcTester tester, String service) {
		super(tester, ServiceStatusAssert.class);
		this.service = service;
	}

	/**
	 * Verify that the service is SERVING now.
	 * @return this
	 */
	public ServiceStatusAssert isServing() {
		return is(ServingState.SERVING);
	}

	/**
	 * Verify that the service is NOT_SERVING now.
	 * @return this
	 */
	public ServiceStatusAssert isNotServing() {
		return is(ServingState.NOT_SERVING);
	}

	/**
	 * Verify that the service is SERVING within the given time (at once if it is
	 * already).
	 * @param timeout how long to wait at most
	 * @return this
	 */
	public ServiceStatusAssert becomesServingWithin(Duration timeout) {
		return becomes(ServingState.SERVING, timeout);
	}

	/**
	 * Verify that the service is NOT_SERVING within the given time (at once if it is
	 * already).
	 * @param timeout how long to wait at most
	 * @return this
	 */
	public ServiceStatusAssert becomesNotServingWithin(Duration timeout) {
		return becomes(ServingState.NOT_SERVING, timeout);
	}

	private ServiceStatusAssert is(ServingState expected) {
		ServiceHealth health = this.actual.store().health(this.service);
		if (health == null || health.status() != expected) {
			failWithMessage("Expected gRPC service %s to be %s, but %s", describeService(), expected, describe(health));
		}
		return this;
	}

	private ServiceStatusAssert becomes(ServingState expected, Duration timeout) {
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL_INTERVAL)
				.until(() -> this.actual.status(this.service) == expected);
		}
		catch (ConditionTimeoutException ex) {
			failWithMessage("Expected gRPC service %s to become %s within %s, but %s", describeService(), expected,
					timeout, describe(this.actual.store().health(this.service)));
		}
		return this;
	}

	private String describeService() {
		return this.service.isEmpty() ? "\"\" (the server overall)" : "'" + this.service + "'";
	}

	private String describe(@Nullable ServiceHealth health) {
		if (health == null) {
			return "health-grpc knows no such service; it knows " + this.actual.store().statuses().keySet();
		}
		return "it is " + health.status() + " (member checks: " + health.checks() + ")";
	}

}
