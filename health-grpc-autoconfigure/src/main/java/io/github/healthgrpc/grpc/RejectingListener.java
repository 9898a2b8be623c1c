package io.github.healthgrpc.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;

/**
 * A call's listener that answers a malformed request (see {@link MalformedRequests}) with
 * INVALID_ARGUMENT without passing it to the service, and passes everything else.
 */
final class RejectingListener<ReqT> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<ReqT> {

	private final ServerCall<ReqT, ?> call;

	private boolean rejected;

	private RejectingListener(ServerCall.Listener<ReqT> delegate, ServerCall<ReqT, ?> call) {
		super(delegate);
		this.call = call;
	}

	// Typed as the listener it is passed as, so that the handler that calls it does not
	// load this class until a call comes.
	static <ReqT> ServerCall.Listener<ReqT> of(ServerCall.Listener<ReqT> delegate, ServerCall<ReqT, ?> call) {
		return new RejectingListener<>(delegate, call);
	}

	@Override
	public void onMessage(ReqT message) {
		if (this.rejected) {
			// The call is closed already; closing it again would throw, and grpc-java
			// would log that at SEVERE. Whatever else the client sends is dropped.
			return;
		}
		if (MalformedRequests.isMarker(message)) {
			this.rejected = true;
			this.call.close(MalformedRequests.invalid(message), new Metadata());
			return;
		}
		super.onMessage(message);
	}

	@Override
	public void onHalfClose() {
		// The call is closed already: the service must not answer it too.
		if (!this.rejected) {
			super.onHalfClose();
		}
	}

	@Override
	public void onReady() {
		if (!this.rejected) {
			super.onReady();
		}
	}

}
