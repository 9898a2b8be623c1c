package io.github.healthgrpc.grpc;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.stub.ServerCallStreamObserver;

/**
 * The open Watch calls, by service. It listens to the status store and tells the streams
 * of a service when that service changes; a cancelled call is forgotten at once, so
 * nothing is held for a watcher after it goes.
 */
final class Watchers implements StatusListener {

	private final StatusStore store;

	private final Map<String, Set<WatchStream>> byService = new ConcurrentHashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	Watchers(StatusStore store) {
		this.store = store;
	}

	void watch(String service, ServerCallStreamObserver<HealthCheckResponse> observer) {
		WatchStream stream = new WatchStream(service, observer, this::currentStatus);
		observer.setOnCancelHandler(() -> {
			stream.cancelled();
			remove(stream);
		});
		observer.setOnReadyHandler(stream::flush);
		add(stream);
		stream.start();
		if (this.store.isClosed()) {
			// Shutdown began before this call arrived: tell it NOT_SERVING and let it go.
			remove(stream);
			stream.complete();
		}
	}

	int count() {
		return this.count.get();
	}

	@Override
	public void servingStatusChanged(String service, io.github.healthgrpc.store.ServingStatus status) {
		Set<WatchStream> streams = this.byService.get(service);
		if (streams != null) {
			streams.forEach(WatchStream::statusChanged);
		}
	}

	@Override
	public void storeClosed() {
		this.byService.values().forEach((streams) -> streams.forEach((stream) -> {
			stream.complete();
			remove(stream);
		}));
	}

	private ServingStatus currentStatus(String service) {
		io.github.healthgrpc.store.ServingStatus status = this.store.status(service);
		if (status == null) {
			return ServingStatus.SERVICE_UNKNOWN;
		}
		return ProtoStatuses.of(status);
	}

	private void add(WatchStream stream) {
		this.byService.computeIfAbsent(stream.service(), (key) -> ConcurrentHashMap.newKeySet()).add(stream);
		this.count.incrementAndGet();
	}

	private void remove(WatchStream stream) {
		boolean[] removed = new boolean[1];
		this.byService.computeIfPresent(stream.service(), (key, streams) -> {
			removed[0] = streams.remove(stream);
			return streams.isEmpty() ? null : streams;
		});
		if (removed[0]) {
			this.count.decrementAndGet();
		}
	}

}
