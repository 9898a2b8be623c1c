package io.github.healthgrpc.grpc;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.store.ServingState;

/**
 * Maps the store's serving status onto the protocol's.
 */
final class ProtoStatuses {

	// Protobuf messages are immutable: one answer per status serves every call, so Check
	// allocates no response of its own.
	private static final HealthCheckResponse SERVING = build(ServingState.SERVING);

	private static final HealthCheckResponse NOT_SERVING = build(ServingState.NOT_SERVING);

	private ProtoStatuses() {
	}

	static HealthCheckResponse.ServingStatus of(ServingState status) {
		return switch (status) {
			case SERVING -> HealthCheckResponse.ServingStatus.SERVING;
			case NOT_SERVING -> HealthCheckResponse.ServingStatus.NOT_SERVING;
		};
	}

	static HealthCheckResponse response(ServingState status) {
		return switch (status) {
			case SERVING -> SERVING;
			case NOT_SERVING -> NOT_SERVING;
		};
	}

	private static HealthCheckResponse build(ServingState status) {
		return HealthCheckResponse.newBuilder().setStatus(of(status)).build();
	}

}
