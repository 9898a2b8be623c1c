package io.github.healthgrpc.grpc;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.store.ServingState;

/**
 * Maps the store's serving status onto the protocol's.
 */
final class ProtoStatuses {

	private ProtoStatuses() {
	}

	static HealthCheckResponse.ServingStatus of(ServingState status) {
		return switch (status) {
			case SERVING -> HealthCheckResponse.ServingStatus.SERVING;
			case NOT_SERVING -> HealthCheckResponse.ServingStatus.NOT_SERVING;
		};
	}

	static HealthCheckResponse response(ServingState status) {
		return HealthCheckResponse.newBuilder().setStatus(of(status)).build();
	}

}
