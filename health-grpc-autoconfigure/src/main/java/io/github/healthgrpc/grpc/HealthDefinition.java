package io.github.healthgrpc.grpc;

import java.io.InputStream;

import com.google.protobuf.Descriptors;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.github.healthgrpc.proto.health.v1.HealthListResponse;
import io.github.healthgrpc.proto.health.v1.HealthProto;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoFileDescriptorSupplier;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.jspecify.annotations.Nullable;

/**
 * The Health service's definition as the generated {@code HealthGrpc.bindService} builds
 * it (the same method names, types and schema, so gRPC server reflection still describes
 * it), except that the protobuf message classes load at the first Health call rather than
 * when the service is bound.
 *
 * <p>
 * The generated method descriptors build their marshallers from each message's default
 * instance, which loads some 25 message, builder and descriptor-supplier classes while
 * the application starts, for calls that may come much later. Here each marshaller
 * resolves its message when it first parses or writes one. Nothing in this class names a
 * message class where the JVM would load it on binding: the messages are named only in
 * {@link Messages}, which loads at the first call.
 */
final class HealthDefinition {

	private static final String CHECK = "Check";

	private static final String WATCH = "Watch";

	private static final String LIST = "List";

	private HealthDefinition() {
	}

	/**
	 * The service definition that dispatches to the given service.
	 * @param service the service's implementation
	 * @return the service definition
	 */
	static ServerServiceDefinition of(HealthGrpc.AsyncService service) {
		MethodDescriptor<HealthCheckRequest, HealthCheckResponse> check = method(MethodType.UNARY, CHECK,
				Messages.CHECK_REQUEST, Messages.CHECK_RESPONSE);
		MethodDescriptor<HealthCheckRequest, HealthCheckResponse> watch = method(MethodType.SERVER_STREAMING, WATCH,
				Messages.CHECK_REQUEST, Messages.CHECK_RESPONSE);
		MethodDescriptor<HealthListRequest, HealthListResponse> list = method(MethodType.UNARY, LIST,
				Messages.LIST_REQUEST, Messages.LIST_RESPONSE);
		ServiceDescriptor descriptor = ServiceDescriptor.newBuilder(HealthGrpc.SERVICE_NAME)
			.setSchemaDescriptor(new Schema())
			.addMethod(check)
			.addMethod(watch)
			.addMethod(list)
			.build();
		return ServerServiceDefinition.builder(descriptor)
			.addMethod(check, ServerCalls.asyncUnaryCall(new Handler<>(service, CHECK)))
			.addMethod(watch, ServerCalls.asyncServerStreamingCall(new Handler<>(service, WATCH)))
			.addMethod(list, ServerCalls.asyncUnaryCall(new Handler<>(service, LIST)))
			.build();
	}

	private static <ReqT, RespT> MethodDescriptor<ReqT, RespT> method(MethodType type, String name, int request,
			int response) {
		return MethodDescriptor.<ReqT, RespT>newBuilder()
			.setType(type)
			.setFullMethodName(MethodDescriptor.generateFullMethodName(HealthGrpc.SERVICE_NAME, name))
			.setSampledToLocalTracing(true)
			.setRequestMarshaller(new LazyMarshaller<>(request))
			.setResponseMarshaller(new LazyMarshaller<>(response))
			.setSchemaDescriptor(new MethodSchema(name))
			.build();
	}

	/**
	 * The generated protobuf marshaller of one message, made when it is first needed.
	 */
	private static final class LazyMarshaller<T> implements MethodDescriptor.PrototypeMarshaller<T> {

		private final int message;

		private volatile MethodDescriptor.@Nullable PrototypeMarshaller<T> delegate;

		LazyMarshaller(int message) {
			this.message = message;
		}

		@SuppressWarnings("unchecked")
		private MethodDescriptor.PrototypeMarshaller<T> delegate() {
			MethodDescriptor.PrototypeMarshaller<T> delegate = this.delegate;
			if (delegate == null) {
				// Two threads may both make it: the marshallers are equal. ProtoUtils'
				// marshallers are prototype marshallers.
				delegate = (MethodDescriptor.PrototypeMarshaller<T>) Messages.marshaller(this.message);
				this.delegate = delegate;
			}
			return delegate;
		}

		@Override
		public InputStream stream(T value) {
			return delegate().stream(value);
		}

		@Override
		public T parse(InputStream stream) {
			return delegate().parse(stream);
		}

		@Override
		public T getMessagePrototype() {
			return delegate().getMessagePrototype();
		}

		@Override
		public Class<T> getMessageClass() {
			return delegate().getMessageClass();
		}

	}

	/**
	 * The only place that names the message classes, so that they load with this class,
	 * at the first call.
	 */
	private static final class Messages {

		static final int CHECK_REQUEST = 0;

		static final int CHECK_RESPONSE = 1;

		static final int LIST_REQUEST = 2;

		static final int LIST_RESPONSE = 3;

		static MethodDescriptor.Marshaller<?> marshaller(int message) {
			return switch (message) {
				case CHECK_REQUEST -> ProtoUtils.marshaller(HealthCheckRequest.getDefaultInstance());
				case CHECK_RESPONSE -> ProtoUtils.marshaller(HealthCheckResponse.getDefaultInstance());
				case LIST_REQUEST -> ProtoUtils.marshaller(HealthListRequest.getDefaultInstance());
				case LIST_RESPONSE -> ProtoUtils.marshaller(HealthListResponse.getDefaultInstance());
				default -> throw new IllegalArgumentException("No Health message " + message);
			};
		}

	}

	/**
	 * Calls the service's method it is named for, as the generated handlers do.
	 */
	private static final class Handler<ReqT, RespT>
			implements ServerCalls.UnaryMethod<ReqT, RespT>, ServerCalls.ServerStreamingMethod<ReqT, RespT> {

		private final HealthGrpc.AsyncService service;

		private final String method;

		Handler(HealthGrpc.AsyncService service, String method) {
			this.service = service;
			this.method = method;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void invoke(ReqT request, StreamObserver<RespT> responseObserver) {
			switch (this.method) {
				case CHECK -> this.service.check((HealthCheckRequest) request,
						(StreamObserver<HealthCheckResponse>) responseObserver);
				case WATCH -> this.service.watch((HealthCheckRequest) request,
						(StreamObserver<HealthCheckResponse>) responseObserver);
				case LIST -> this.service.list((HealthListRequest) request,
						(StreamObserver<HealthListResponse>) responseObserver);
				default -> throw new IllegalStateException("No Health method " + this.method);
			}
		}

	}

	/**
	 * The service's protobuf schema, for gRPC server reflection.
	 */
	private static class Schema implements ProtoFileDescriptorSupplier, ProtoServiceDescriptorSupplier {

		@Override
		public Descriptors.FileDescriptor getFileDescriptor() {
			return HealthProto.getDescriptor();
		}

		@Override
		public Descriptors.ServiceDescriptor getServiceDescriptor() {
			return getFileDescriptor().findServiceByName("Health");
		}

	}

	/**
	 * One method's protobuf schema.
	 */
	private static final class MethodSchema extends Schema implements ProtoMethodDescriptorSupplier {

		private final String method;

		MethodSchema(String method) {
			this.method = method;
		}

		@Override
		public Descriptors.MethodDescriptor getMethodDescriptor() {
			return getServiceDescriptor().findMethodByName(this.method);
		}

	}

}
