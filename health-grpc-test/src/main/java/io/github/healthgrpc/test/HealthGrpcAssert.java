package io.github.healthgrpc.test;

import io.github.healthgrpc.store.StatusStore;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what health-grpc reports in an application: pick a service, then
 * assert its serving status.
 *
 * @since 0.1.0
 * @see HealthGrpcAssertions#assertThat(HealthGrpcTester)
 */
public class HealthGrpcAssert extends AbstractAssert<HealthGrpcAssert, HealthGrpcTester> {

	HealthGrpcAssert(HealthGrpcTester tester) {
		super(tester, HealthGrpcAssert.class);
	}

	/**
	 * Assertions on one gRPC service's serving status.
	 * @param service the service's full name, such as {@code demo.Inventory}
	 * @return the assertions
	 */
	public ServiceStatusAssert service(String service) {
		isNotNull();
		return new ServiceStatusAssert(this.actual, service);
	}

	/**
	 * Assertions on the server's overall serving status (the service {@code ""}).
	 * @return the assertions
	 */
	public ServiceStatusAssert overall() {
		return service(StatusStore.OVERALL);
	}

}
