package io.github.healthgrpc.server.devh;

import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;

/**
 * Lets calls to {@code grpc.health.v1.Health} skip every interceptor that comes after
 * this one: it hands them straight to the Health service's own handlers, and passes every
 * other call on.
 *
 * <p>
 * Registered as the first of the server's global interceptors, it lets probes and load
 * balancers, which cannot send credentials, call Health on a server whose interceptors
 * authenticate every call. It cannot skip interceptors that run before it, such as those
 * added to the server builder itself.
 *
 * @since 0.1.0
 */
public class UnauthenticatedHealthInterceptor implements ServerInterceptor {

	private final ServerServiceDefinition health;

	/**
	 * Create an interceptor that dispatches Health calls to the given definition.
	 * @param health the Health service's definition, without interceptors
	 */
	public UnauthenticatedHealthInterceptor(ServerServiceDefinition health) {
		this.health = health;
	}

	@Override
	public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next) {
		if (!HealthGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
			return next.startCall(call, headers);
		}
		ServerMethodDefinition<?, ?> method = this.health.getMethod(call.getMethodDescriptor().getFullMethodName());
		if (method == null) {
			return next.startCall(call, headers);
		}
		// The same method of the same service: its request and response types are the
		// call's.
		@SuppressWarnings("unchecked")
		ServerCallHandler<ReqT, RespT> handler = (ServerCallHandler<ReqT, RespT>) method.getServerCallHandler();
		return handler.startCall(call, headers);
	}

}
