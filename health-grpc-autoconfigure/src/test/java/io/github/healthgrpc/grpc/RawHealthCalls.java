package io.github.healthgrpc.grpc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;

/**
 * Calls {@code grpc.health.v1.Health} with raw bytes both ways: requests no generated
 * client would build, and responses exactly as they came over the wire.
 */
final class RawHealthCalls {

	private final Channel channel;

	RawHealthCalls(Channel channel) {
		this.channel = channel;
	}

	byte[] check(byte[] request) {
		return ClientCalls.blockingUnaryCall(this.channel, method("Check", MethodDescriptor.MethodType.UNARY),
				options(), request);
	}

	byte[] list(byte[] request) {
		return ClientCalls.blockingUnaryCall(this.channel, method("List", MethodDescriptor.MethodType.UNARY),
				options(), request);
	}

	/**
	 * The first {@code count} messages of a Watch call, which is then cancelled.
	 */
	List<byte[]> watch(byte[] request, int count) {
		Context.CancellableContext context = Context.current().withCancellation();
		try {
			return context.call(() -> {
				List<byte[]> messages = new ArrayList<>();
				Iterator<byte[]> responses = ClientCalls.blockingServerStreamingCall(this.channel,
						method("Watch", MethodDescriptor.MethodType.SERVER_STREAMING), options(), request);
				while (messages.size() < count) {
					messages.add(responses.next());
				}
				return messages;
			});
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			context.cancel(null);
		}
	}

	private static CallOptions options() {
		return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
	}

	private static MethodDescriptor<byte[], byte[]> method(String name, MethodDescriptor.MethodType type) {
		return ByteArrayMarshaller.method("grpc.health.v1.Health/" + name, type);
	}

}
