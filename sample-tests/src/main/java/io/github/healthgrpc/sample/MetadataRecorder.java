package io.github.healthgrpc.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Records what a client sees besides the messages: the response headers, and the closing
 * status with its trailers, of every call made through it.
 */
final class MetadataRecorder implements ClientInterceptor {

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@Override
	public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
		return new SimpleForwardingClientCall<>(next.newCall(method, options)) {

			@Override
			public void start(Listener<R> listener, Metadata headers) {
				super.start(new SimpleForwardingClientCallListener<>(listener) {

					@Override
					public void onHeaders(Metadata headers) {
						MetadataRecorder.this.seen.add(method.getFullMethodName() + " headers " + headers);
						super.onHeaders(headers);
					}

					@Override
					public void onClose(Status status, Metadata trailers) {
						MetadataRecorder.this.seen
							.add(method.getFullMethodName() + " closed " + status + " " + trailers);
						super.onClose(status, trailers);
					}

				}, headers);
			}

		};
	}

	/**
	 * Everything recorded so far, one line per headers or close.
	 */
	List<String> seen() {
		return List.copyOf(this.seen);
	}

}
