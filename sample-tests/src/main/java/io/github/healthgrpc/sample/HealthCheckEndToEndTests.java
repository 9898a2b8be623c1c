package io.github.healthgrpc.sample;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code grpc.health.v1.Health/Check} on the real server, with grpc-java's health stub.
 */
class HealthCheckEndToEndTests extends AbstractSampleServerTests {

	@Test
	void checkOfInventoryIsServingOnlyWhileThePricingDependencyAcceptsConnections() {
		pricingUp();
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
		pricing.close();
		awaitStatus("demo.Inventory", ServingStatus.NOT_SERVING);
		pricing.open();
		awaitStatus("demo.Inventory", ServingStatus.SERVING);
	}

	@Test
	void checkOfTheEmptyServiceNameIsTheOverallStatusWhichDependsOnTheDatabaseOnly() {
		pricingUp();
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
		pricingDown();
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void checkOfGreeterStaysServingWhenPricingGoesDown() {
		pricingUp();
		assertThat(check("demo.Greeter")).isEqualTo(ServingStatus.SERVING);
		pricingDown();
		assertThat(check("demo.Greeter")).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void checkOfTheHealthServiceItselfFollowsTheOverallStatusBecauseItIsNotMapped() {
		pricingDown();
		assertThat(check("grpc.health.v1.Health")).isEqualTo(check(""));
	}

	@Test
	void checkOfAnUnknownServiceFailsWithNotFound() {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> check("demo.NoSuchService"))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

}
