package io.github.healthgrpc.sample;

import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;

/**
 * Probes the way kubelet's {@code grpc:} probe does: a plain-text unary Check with a 1 s
 * deadline, on a new connection each time, closed afterwards.
 */
final class KubeletProbe {

	private final int port;

	KubeletProbe(int port) {
		this.port = port;
	}

	/**
	 * Probe one service once.
	 * @param service the service name
	 * @return the serving status answered, or the gRPC status code the call failed with
	 * (such as {@code UNAVAILABLE} while nothing listens)
	 */
	String probe(String service) {
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.port).usePlaintext().build();
		try {
			return HealthGrpc.newBlockingStub(channel)
				.withDeadlineAfter(1, TimeUnit.SECONDS)
				.check(HealthCheckRequest.newBuilder().setService(service).build())
				.getStatus()
				.name();
		}
		catch (StatusRuntimeException ex) {
			return ex.getStatus().getCode().name();
		}
		finally {
			channel.shutdownNow();
		}
	}

}
