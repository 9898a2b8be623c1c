package io.github.healthgrpc.grpc;

import java.net.SocketAddress;

import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Tells the Watch method which client connection its call came on, so that when the Watch
 * budget is full the connection holding the most calls gives way.
 *
 * <p>
 * A service method sees only its {@code StreamObserver}, which does not expose the call's
 * transport attributes. So an interceptor bound into the service definition itself puts a
 * Watch call's connection into the call's gRPC {@link Context}, where the method reads
 * it. Bound inside {@code bindService()}, rather than added to the server, it is on every
 * path to the service: devh's discovery, the interceptor that lets Health calls skip
 * authentication (it dispatches to these very handlers), and a plain
 * {@code ServerBuilder.addService}.
 *
 * <p>
 * A connection is told by its two ends' addresses, which no two open TCP connections
 * share. Clients that share an address count as one connection: every in-process client,
 * every client behind one proxy connection, Unix domain socket clients.
 */
final class CallConnection {

	private static final Context.Key<Connection> CONNECTION = Context.key("health-grpc-connection");

	// Not the generated descriptor's name: building it would load the protobuf messages.
	private static final String WATCH = MethodDescriptor.generateFullMethodName(HealthGrpc.SERVICE_NAME, "Watch");

	private CallConnection() {
	}

	/**
	 * The same service, with the Watch method's calls knowing their connection.
	 * @param definition the service as generated
	 * @return the service whose Watch handler records the connection
	 */
	static ServerServiceDefinition identifiedIn(ServerServiceDefinition definition) {
		// Only Watch is intercepted: Check and List, the calls probes make all the time,
		// go straight to their handlers.
		ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(definition.getServiceDescriptor());
		for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
			service.addMethod(identifyingWatch(method));
		}
		return service.build();
	}

	/**
	 * The connection of the call being handled on this thread.
	 * @return the connection, or {@code null} if the transport does not say
	 */
	static @Nullable Object current() {
		return CONNECTION.get();
	}

	private static <ReqT, RespT> ServerMethodDefinition<ReqT, RespT> identifyingWatch(
			ServerMethodDefinition<ReqT, RespT> method) {
		if (!WATCH.equals(method.getMethodDescriptor().getFullMethodName())) {
			return method;
		}
		ServerCallHandler<ReqT, RespT> next = method.getServerCallHandler();
		return method.withServerCallHandler((call, headers) -> identified(call, headers, next));
	}

	private static <ReqT, RespT> ServerCall.Listener<ReqT> identified(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next) {
		SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
		if (remote == null) {
			return next.startCall(call, headers);
		}
		Connection connection = new Connection(remote, call.getAttributes().get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR));
		return Contexts.interceptCall(Context.current().withValue(CONNECTION, connection), call, headers, next);
	}

	private record Connection(SocketAddress remote, @Nullable SocketAddress local) {

	}

}
