package io.github.healthgrpc.grpc;

import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.Channel;

/**
 * A blocking Check call from a test's client, with a deadline, so that a server that
 * never answers fails the test rather than hangs it.
 */
public final class HealthCheckCall {

	private HealthCheckCall() {
	}

	/**
	 * Ask the server for a service's status.
	 * @param channel the channel to the server
	 * @param service the service, {@code ""} for the server overall
	 * @return the status the server answered
	 */
	public static ServingStatus check(Channel channel, String service) {
		return HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

}
