package io.github.healthgrpc.server;

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

	static final String SUPPORTED = "Spring Boot's gRPC server (org.springframework.boot:spring-boot-starter-grpc-server)"
			+ " or devh's (net.devh:grpc-server-spring-boot-starter)";

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
		List<GrpcServerAdapter> active = this.adapters.orderedStream().toList();
		if (active.isEmpty()) {
			throw new FailureAnalyzedException(
					"health-grpc serves grpc.health.v1.Health on the application's gRPC server, but found no gRPC "
							+ "server that it supports.",
					"Add " + SUPPORTED + ", make sure that server is switched on, or set grpc.health.enabled=false "
							+ "to run without health-grpc.");
		}
		if (active.size() > 1) {
			throw new FailureAnalyzedException("health-grpc found more than one gRPC server: "
					+ active.stream().map(GrpcServerAdapter::server).collect(Collectors.joining(" and "))
					+ ". Each would start, and health-grpc can serve only one of them.",
					"Keep one gRPC server: remove the other's dependency, or switch it off.");
		}
	}

}
