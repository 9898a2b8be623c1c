package io.github.healthgrpc.grpc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The Health service, counting the Watch messages it hands to grpc-java (what the server
 * sent, to compare with what a client received) and noting the threads that send them.
 */
final class CountingHealthGrpcService extends HealthGrpcService {

	private final AtomicInteger watchMessagesSent = new AtomicInteger();

	private volatile HealthCheckResponse.ServingStatus lastWatchMessage;

	private final Set<String> sendingThreads = ConcurrentHashMap.newKeySet();

	CountingHealthGrpcService(StatusStore store) {
		this(store, WatchLimits.DEFAULTS);
	}

	CountingHealthGrpcService(StatusStore store, WatchLimits limits) {
		super(store, 100, limits);
	}

	/**
	 * The threads that handed Watch messages to grpc-java, numbers replaced by {@code N}.
	 */
	Set<String> sendingThreads() {
		return this.sendingThreads;
	}

	int watchMessagesSent() {
		return this.watchMessagesSent.get();
	}

	HealthCheckResponse.ServingStatus lastWatchMessage() {
		return this.lastWatchMessage;
	}

	@Override
	public void watch(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
		super.watch(request, new Counting((ServerCallStreamObserver<HealthCheckResponse>) responseObserver));
	}

	private final class Counting extends ServerCallStreamObserver<HealthCheckResponse> {

		private final ServerCallStreamObserver<HealthCheckResponse> delegate;

		Counting(ServerCallStreamObserver<HealthCheckResponse> delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onNext(HealthCheckResponse value) {
			this.delegate.onNext(value);
			CountingHealthGrpcService.this.lastWatchMessage = value.getStatus();
			CountingHealthGrpcService.this.watchMessagesSent.incrementAndGet();
			CountingHealthGrpcService.this.sendingThreads.add(Thread.currentThread().getName().replaceAll("\\d+", "N"));
		}

		@Override
		public void onError(Throwable throwable) {
			this.delegate.onError(throwable);
		}

		@Override
		public void onCompleted() {
			this.delegate.onCompleted();
		}

		@Override
		public boolean isCancelled() {
			return this.delegate.isCancelled();
		}

		@Override
		public void setOnCancelHandler(Runnable onCancelHandler) {
			this.delegate.setOnCancelHandler(onCancelHandler);
		}

		@Override
		public void setOnReadyThreshold(int numBytes) {
			this.delegate.setOnReadyThreshold(numBytes);
		}

		@Override
		public void setCompression(String compression) {
			this.delegate.setCompression(compression);
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setOnReadyHandler(Runnable onReadyHandler) {
			this.delegate.setOnReadyHandler(onReadyHandler);
		}

		@Override
		public void request(int count) {
			this.delegate.request(count);
		}

		@Override
		public void setMessageCompression(boolean enable) {
			this.delegate.setMessageCompression(enable);
		}

		@Override
		public void disableAutoInboundFlowControl() {
			this.delegate.disableAutoInboundFlowControl();
		}

	}

}
