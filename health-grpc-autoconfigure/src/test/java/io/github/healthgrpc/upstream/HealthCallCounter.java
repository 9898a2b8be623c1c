package io.github.healthgrpc.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import net.devh.boot.grpc.server.interceptor.GrpcGlobalServerInterceptor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * Counts the Health calls a server receives, by method, telling the calls of upstream
 * checks (their user agent starts with {@code health-grpc-upstream}) from the others. A
 * global server interceptor on both servers: Health calls pass global interceptors only
 * with {@code grpc.health.security.allow-unauthenticated=false}, which {@link #PROPERTY}
 * sets.
 */
final class HealthCallCounter implements ServerInterceptor {

	/**
	 * Lets Health calls through the global interceptors, so that this one sees them.
	 */
	static final String PROPERTY = "grpc.health.security.allow-unauthenticated=false";

	private static final Metadata.Key<String> USER_AGENT = Metadata.Key.of("user-agent",
			Metadata.ASCII_STRING_MARSHALLER);

	private final Map<String, AtomicInteger> fromUpstreamChecks = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> all = new ConcurrentHashMap<>();

	@Override
	public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next) {
		if (HealthGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
			String method = call.getMethodDescriptor().getBareMethodName();
			increment(this.all, method);
			String userAgent = headers.get(USER_AGENT);
			if (userAgent != null && userAgent.startsWith("health-grpc-upstream")) {
				increment(this.fromUpstreamChecks, method);
			}
		}
		return next.startCall(call, headers);
	}

	/**
	 * How many calls of the given Health method upstream checks made.
	 * @param method the method's bare name, such as {@code Watch}
	 * @return the count
	 */
	int fromUpstreamChecks(String method) {
		return count(this.fromUpstreamChecks, method);
	}

	/**
	 * How many calls of the given Health method anyone made.
	 * @param method the method's bare name, such as {@code Check}
	 * @return the count
	 */
	int all(String method) {
		return count(this.all, method);
	}

	@Override
	public String toString() {
		return "all " + this.all + ", from upstream checks " + this.fromUpstreamChecks;
	}

	private static void increment(Map<String, AtomicInteger> counts, String method) {
		counts.computeIfAbsent(method, (key) -> new AtomicInteger()).incrementAndGet();
	}

	private static int count(Map<String, AtomicInteger> counts, String method) {
		AtomicInteger count = counts.get(method);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * The counter as a global interceptor of whichever server the application runs.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		@GrpcGlobalServerInterceptor
		@GlobalServerInterceptor
		HealthCallCounter healthCallCounter() {
			return new HealthCallCounter();
		}

	}

}
