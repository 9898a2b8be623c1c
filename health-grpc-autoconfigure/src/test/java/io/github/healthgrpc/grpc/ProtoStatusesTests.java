package io.github.healthgrpc.grpc;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.store.ServingState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProtoStatuses}: Check, List and Watch answer with one message per
 * status rather than building one for every call.
 */
class ProtoStatusesTests {

	@Test
	void everyAnswerOfAStatusIsTheSameMessage() {
		for (ServingState status : ServingState.values()) {
			assertThat(ProtoStatuses.response(status)).isSameAs(ProtoStatuses.response(status));
			assertThat(ProtoStatuses.response(status).getStatus()).isEqualTo(ProtoStatuses.of(status));
		}
		assertThat(ProtoStatuses.response(ServingState.SERVING).getStatus()).isEqualTo(ServingStatus.SERVING);
		assertThat(ProtoStatuses.response(ServingState.NOT_SERVING).getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
	}

}
