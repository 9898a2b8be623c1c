package io.github.healthgrpc.grpc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Answers a request that does not parse (not protobuf, or a string that is not UTF-8)
 * with INVALID_ARGUMENT.
 *
 * <p>
 * grpc-java parses a request before any handler or interceptor sees it; when parsing
 * fails it answers UNKNOWN "Application error processing RPC" and logs the stack trace at
 * SEVERE, so anyone who can reach the port could fill the log and learn nothing from the
 * answer. Here each method's request marshaller turns a parse failure into a marker
 * request, and the method's handler answers the marker with INVALID_ARGUMENT without
 * calling the service.
 */
final class MalformedRequests {

	// One marker per message type, a fresh instance (never the default one) that only the
	// tolerant marshallers return. Shared by every definition bindService() builds: the
	// server may parse with one definition's marshaller and dispatch to another's
	// handler.
	private static final Map<Class<?>, Object> MARKERS = new ConcurrentHashMap<>();

	private MalformedRequests() {
	}

	/**
	 * The same service, with every method answering malformed requests itself.
	 * @param definition the service as generated
	 * @return the service with tolerant request parsing
	 */
	static ServerServiceDefinition rejectedIn(ServerServiceDefinition definition) {
		ServiceDescriptor original = definition.getServiceDescriptor();
		ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
			.setSchemaDescriptor(original.getSchemaDescriptor());
		List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
		for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
			ServerMethodDefinition<?, ?> tolerant = tolerant(method);
			descriptor.addMethod(tolerant.getMethodDescriptor());
			methods.add(tolerant);
		}
		ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(descriptor.build());
		for (ServerMethodDefinition<?, ?> method : methods) {
			service.addMethod(method);
		}
		return service.build();
	}

	private static <ReqT, RespT> ServerMethodDefinition<ReqT, RespT> tolerant(
			ServerMethodDefinition<ReqT, RespT> method) {
		MethodDescriptor<ReqT, RespT> descriptor = method.getMethodDescriptor();
		if (!(descriptor.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<ReqT> requests)) {
			return method;
		}
		// The prototype is not asked for here: the Health messages load at the first
		// call.
		MethodDescriptor<ReqT, RespT> tolerantDescriptor = descriptor
			.toBuilder(new TolerantMarshaller<>(requests), descriptor.getResponseMarshaller())
			.build();
		return ServerMethodDefinition.create(tolerantDescriptor, rejecting(method.getServerCallHandler()));
	}

	// The marker of the prototype's type, made when the first malformed request of that
	// type comes.
	private static Object marker(Message prototype) {
		return MARKERS.computeIfAbsent(prototype.getClass(), (type) -> prototype.newBuilderForType().buildPartial());
	}

	static boolean isMarker(Object message) {
		return MARKERS.get(message.getClass()) == message;
	}

	// Named when a malformed request comes: the message's descriptor is the protobuf
	// file's, which costs some 200 classes to build, and nothing else needs it to serve.
	private static String description(Message prototype) {
		return "The request is not a valid " + prototype.getDescriptorForType().getFullName()
				+ ": it is not protobuf, or a string in it is not UTF-8";
	}

	// The listener is made in a class of its own, loaded at the first call: made here,
	// binding the service would load it and the three listener classes above it.
	private static <ReqT, RespT> ServerCallHandler<ReqT, RespT> rejecting(ServerCallHandler<ReqT, RespT> next) {
		return (call, headers) -> RejectingListener.of(next.startCall(call, headers), call);
	}

	// The answer to a malformed request.
	static Status invalid(Object message) {
		return Status.INVALID_ARGUMENT.withDescription(description((Message) message));
	}

	/**
	 * Parses like the generated marshaller, but returns the marker instead of throwing.
	 */
	private record TolerantMarshaller<T>(
			MethodDescriptor.PrototypeMarshaller<T> delegate) implements MethodDescriptor.PrototypeMarshaller<T> {

		@Override
		public InputStream stream(T value) {
			return this.delegate.stream(value);
		}

		@Override
		public T parse(InputStream stream) {
			try {
				return this.delegate.parse(stream);
			}
			catch (StatusRuntimeException ex) {
				if (!(getMessagePrototype() instanceof Message prototype)) {
					throw ex;
				}
				@SuppressWarnings("unchecked")
				T malformed = (T) marker(prototype);
				return malformed;
			}
		}

		@Override
		public T getMessagePrototype() {
			return this.delegate.getMessagePrototype();
		}

		@Override
		public Class<T> getMessageClass() {
			return this.delegate.getMessageClass();
		}

	}

}
