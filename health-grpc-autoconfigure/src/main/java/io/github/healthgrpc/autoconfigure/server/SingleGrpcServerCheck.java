package io.github.healthgrpc.autoconfigure.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.server.GrpcServerSupport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.diagnostics.FailureAnalyzedException;

/**
 * Stops startup unless the application has exactly one gRPC server for health-grpc:
 * without any supported server on the class path nothing could serve
 * {@code grpc.health.v1.Health}; with two switched on, both would start and health-grpc
 * could serve only one. A supported server that is on the class path but switched off (as
 * in some tests) is only logged: the checks, the store and {@code /actuator/health} still
 * work. It runs once every bean exists, before any server starts.
 *
 * @since 0.1.0
 */
public class SingleGrpcServerCheck implements SmartInitializingSingleton, BeanClassLoaderAware {

	private static final Log logger = LogFactory.getLog(SingleGrpcServerCheck.class);

	private final ObjectProvider<GrpcServerAdapter> adapters;

	private @Nullable ClassLoader classLoader;

	/**
	 * Create a check of the given adapters.
	 * @param adapters the adapters of the application's context
	 */
	public SingleGrpcServerCheck(ObjectProvider<GrpcServerAdapter> adapters) {
		this.adapters = adapters;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<GrpcServerSupport> active = new ArrayList<>();
		for (GrpcServerAdapter adapter : this.adapters.orderedStream().toList()) {
			active.add(adapter.server());
		}
		if (active.size() > 1) {
			throw moreThanOne(active);
		}
		if (!active.isEmpty()) {
			return;
		}
		List<GrpcServerSupport> supported = GrpcServerSupport.all(this.classLoader);
		List<GrpcServerSupport> present = supported.stream()
			.filter((server) -> server.isPresent(this.classLoader))
			.toList();
		if (present.isEmpty()) {
			throw new FailureAnalyzedException(
					"health-grpc serves grpc.health.v1.Health on the application's gRPC server, but found no gRPC "
							+ "server that it supports on the class path.",
					"Add " + describe(supported, " or ")
							+ ", or set grpc.health.enabled=false to run without health-grpc.");
		}
		logger.warn("grpc.health.v1.Health is not served: no gRPC server runs (on the class path but switched off: "
				+ describe(present, ", ") + "). The checks and /actuator/health still work.");
	}

	/**
	 * The failure of an application that has more than one gRPC server.
	 * @param servers the servers it has
	 * @return the failure, saying how to keep one
	 */
	static FailureAnalyzedException moreThanOne(Collection<GrpcServerSupport> servers) {
		return new FailureAnalyzedException(
				"health-grpc found more than one gRPC server: " + describe(servers, " and ")
						+ ". Each would start, and health-grpc can serve only one of them.",
				"Keep one gRPC server: remove the other's dependency, or switch it off (" + servers.stream()
					.map((server) -> server.switchOff() + " switches off " + server.getDescription())
					.collect(Collectors.joining("; ")) + ").");
	}

	private static String describe(Collection<GrpcServerSupport> servers, String separator) {
		return servers.stream().map(GrpcServerSupport::describe).collect(Collectors.joining(separator));
	}

}
