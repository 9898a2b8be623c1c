package io.github.healthgrpc.benchmarks.peer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.check.HealthCheck;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

import org.springframework.beans.factory.DisposableBean;

/**
 * What users write today to follow another gRPC server: a {@code @HealthCheck} that makes
 * a Health Check call to it on the check's interval. The channel is made as health-grpc's
 * upstream checks make theirs (grpc-java's own builder, plaintext), so that the two
 * differ in how they ask, not in the transport.
 */
public class PolledUpstream implements DisposableBean {

	private final ManagedChannel channel;

	private final HealthCheckRequest request;

	private final Duration deadline;

	/**
	 * Create the check.
	 * @param target the upstream's gRPC target
	 * @param service the upstream's service to ask for
	 * @param deadline each call's deadline, under the check's timeout so that a slow
	 * answer is the call's error, not an interrupt
	 */
	public PolledUpstream(String target, String service, Duration deadline) {
		this.channel = Grpc.newChannelBuilder(target, InsecureChannelCredentials.create())
			.userAgent(CallCounter.POLLED_AGENT)
			.build();
		this.request = HealthCheckRequest.newBuilder().setService(service).build();
		this.deadline = deadline;
	}

	@HealthCheck("upstream-polled")
	boolean upstreamServing() {
		return HealthGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(this.deadline.toNanos(), TimeUnit.NANOSECONDS)
			.check(this.request)
			.getStatus() == ServingStatus.SERVING;
	}

	@Override
	public void destroy() {
		this.channel.shutdownNow();
	}

}
