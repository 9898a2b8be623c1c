package io.github.healthgrpc.server;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.diagnostics.FailureAnalyzedException;

/**
 * Stops startup unless exactly one gRPC server adapter is active: with none, nothing
 * would serve {@code grpc.health.v1.Health}; with two, two servers would start and
 * health-grpc could describe only one. It runs once every bean exists, before any server
 * starts.
 */
public class SingleGrpcServerCheck implements SmartInitializingSingleton {

	private final ObjectProvider<GrpcServerAdapter> adapters;

	/**
	 * Create a check of the given adapters.
	 * @param adapters the adapters of the application's context
	 */
	public SingleGrpcServerCheck(ObjectProvider<GrpcServerAdapter> adapters) {
		this.adapters = adapters;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<SupportedGrpcServer> active = this.adapters.orderedStream().map(GrpcServerAdapter::server).toList();
		if (active.isEmpty()) {
			throw new FailureAnalyzedException(
					"health-grpc serves grpc.health.v1.Health on the application's gRPC server, but found no gRPC "
							+ "server that it supports.",
					"Add " + Arrays.stream(SupportedGrpcServer.values())
						.map(SupportedGrpcServer::describe)
						.collect(Collectors.joining(" or "))
							+ ", make sure that server is switched on, or set grpc.health.enabled=false to run "
							+ "without health-grpc.");
		}
		if (active.size() > 1) {
			throw moreThanOne(active);
		}
	}

	/**
	 * The failure of an application that has more than one gRPC server.
	 * @param servers the servers it has
	 * @return the failure, saying how to keep one
	 */
	static FailureAnalyzedException moreThanOne(Collection<SupportedGrpcServer> servers) {
		return new FailureAnalyzedException("health-grpc found more than one gRPC server: "
				+ servers.stream().map(SupportedGrpcServer::describe).collect(Collectors.joining(" and "))
				+ ". Each would start, and health-grpc can serve only one of them.",
				"Keep one gRPC server: remove the other's dependency, or switch it off ("
						+ servers.stream()
							.map((server) -> server.switchOff() + " switches off " + server.getDescription())
							.collect(Collectors.joining("; "))
						+ ").");
	}

}
