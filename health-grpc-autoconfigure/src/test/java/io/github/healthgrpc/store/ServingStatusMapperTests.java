package io.github.healthgrpc.store;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the rule that turns check statuses into serving statuses: UP alone by default,
 * codes matched as Spring Boot matches its HTTP status mapping keys, and the default kept
 * for codes a mapping leaves out.
 */
class ServingStatusMapperTests {

	@Test
	void byDefaultOnlyUpIsServing() {
		ServingStatusMapper mapper = ServingStatusMapper.getDefault();
		assertThat(mapper.map(Status.UP)).isEqualTo(ServingState.SERVING);
		assertThat(mapper.map(Status.DOWN)).isEqualTo(ServingState.NOT_SERVING);
		assertThat(mapper.map(Status.OUT_OF_SERVICE)).isEqualTo(ServingState.NOT_SERVING);
		assertThat(mapper.map(Status.UNKNOWN)).isEqualTo(ServingState.NOT_SERVING);
		assertThat(mapper.map(new Status("DEGRADED"))).isEqualTo(ServingState.NOT_SERVING);
		assertThat(ServingStatusMapper.of(null)).isSameAs(mapper);
		assertThat(ServingStatusMapper.of(Map.of())).isSameAs(mapper);
	}

	@Test
	void codesAreMatchedIgnoringCaseAndEverythingButLettersAndDigits() {
		assertThat(ServingStatusMapper.of(Map.of("out-of-service", ServingState.SERVING)).map(Status.OUT_OF_SERVICE))
			.isEqualTo(ServingState.SERVING);
		assertThat(ServingStatusMapper.of(Map.of("OUT_OF_SERVICE", ServingState.SERVING)).map(Status.OUT_OF_SERVICE))
			.isEqualTo(ServingState.SERVING);
		assertThat(ServingStatusMapper.of(Map.of("degraded", ServingState.SERVING)).map(new Status("DEGRADED")))
			.isEqualTo(ServingState.SERVING);
	}

	@Test
	void codesAMappingLeavesOutKeepTheDefault() {
		ServingStatusMapper mapper = ServingStatusMapper.of(Map.of("outofservice", ServingState.SERVING));
		assertThat(mapper.map(Status.UP)).isEqualTo(ServingState.SERVING);
		assertThat(mapper.map(Status.DOWN)).isEqualTo(ServingState.NOT_SERVING);
		assertThat(mapper.map(Status.UNKNOWN)).isEqualTo(ServingState.NOT_SERVING);
	}

	@Test
	void upCanBeMappedToNotServingToo() {
		assertThat(ServingStatusMapper.of(Map.of("up", ServingState.NOT_SERVING)).map(Status.UP))
			.isEqualTo(ServingState.NOT_SERVING);
	}

}
