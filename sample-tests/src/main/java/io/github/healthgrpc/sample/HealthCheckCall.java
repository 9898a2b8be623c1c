package io.github.healthgrpc.sample;

import java.util.concurrent.TimeUnit;

import io.grpc.Channel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/**
 * One Check call with grpc-java's own health stub, as a real client makes it.
 */
final class HealthCheckCall {

	private HealthCheckCall() {
	}

	static ServingStatus check(Channel channel, String service) {
		return HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

}
