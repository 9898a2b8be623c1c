package io.github.healthgrpc.grpc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
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
		return ClientCalls.blockingUnaryCall(this.channel, method("List", MethodDescriptor.MethodType.UNARY), options(),
				request);
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

	/**
	 * Send every request on one call of the given method, as a client that ignores the
	 * method's type could, then half-close; the call's messages are discarded.
	 * @return the status the call ended with
	 */
	Status sendAll(String methodName, byte[]... requests) throws Exception {
		CompletableFuture<Status> ended = new CompletableFuture<>();
		ClientCall<byte[], byte[]> call = this.channel
			.newCall(method(methodName, MethodDescriptor.MethodType.BIDI_STREAMING), options());
		call.start(new ClientCall.Listener<>() {
			@Override
			public void onClose(Status status, Metadata trailers) {
				ended.complete(status);
			}
		}, new Metadata());
		call.request(Integer.MAX_VALUE);
		for (byte[] request : requests) {
			call.sendMessage(request);
		}
		call.halfClose();
		return ended.get(10, TimeUnit.SECONDS);
	}

	private static CallOptions options() {
		return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
	}

	private static MethodDescriptor<byte[], byte[]> method(String name, MethodDescriptor.MethodType type) {
		return ByteArrayMarshaller.method("grpc.health.v1.Health/" + name, type);
	}

}
