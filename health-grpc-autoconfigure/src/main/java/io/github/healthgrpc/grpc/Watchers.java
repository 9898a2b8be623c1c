package io.github.healthgrpc.grpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusListener;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.jspecify.annotations.Nullable;

/**
 * The open Watch calls, by service. It listens to the status store and tells the streams
 * of a service when that service changes; a cancelled call is forgotten at once, so
 * nothing is held for a watcher after it goes.
 *
 * <p>
 * One lock guards the streams and their counts, in all and per connection: a stream that
 * starts while the last one of its service ends must land in the set that the map holds.
 * With a concurrent map and a set per service it could be added to a set just dropped
 * from the map, never hear a change again and never be uncounted. The lock also makes the
 * {@link WatchLimits} hold exactly. Streams are told about changes, and an evicted stream
 * is ended, outside the lock.
 *
 * <p>
 * When {@code maxWatchers} calls are open, a new call is admitted only if the connection
 * holding the most calls holds at least two more than the new call's: that connection's
 * oldest call then gives way (see {@link ConnectionShares}). So no connection is refused
 * while the budget has room, and once it is full the heaviest holder gives way, never a
 * client holding one or a few calls.
 */
final class Watchers implements StatusListener {

	private final ServiceStatuses store;

	private final WatchLimits limits;

	private final Object lock = new Object();

	private final Map<String, Set<WatchStream>> byService = new HashMap<>();

	private final ConnectionShares byConnection = new ConnectionShares();

	private int count;

	Watchers(ServiceStatuses store, WatchLimits limits) {
		this.store = store;
		this.limits = limits;
	}

	/**
	 * Open a Watch call, or refuse it.
	 * @param service the service watched
	 * @param connection the client connection the call came on, {@code null} if unknown
	 * @param observer the call
	 */
	void watch(String service, @Nullable Object connection, ServerCallStreamObserver<HealthCheckResponse> observer) {
		WatchStream stream = new WatchStream(service, connection, observer, this::currentStatus);
		// The observer is not thread-safe: finish setting it up before add() publishes
		// the stream to the threads that report changes and close the store.
		observer.setOnCancelHandler(() -> {
			stream.cancelled();
			remove(stream);
		});
		observer.setOnReadyHandler(stream::flush);
		// grpc-java lets 32 KiB queue for a call before isReady() turns false: for a
		// reader that stops reading, thousands of stale statuses. One byte makes it false
		// as soon as one message waits, so the server holds that message and a pending
		// flag.
		observer.setOnReadyThreshold(1);
		Admission admission = add(stream);
		if (admission.refusal() != null) {
			observer.onError(admission.refusal().asRuntimeException());
			return;
		}
		WatchStream evicted = admission.evicted();
		Status evictedStatus = admission.evictedStatus();
		if (evicted != null && evictedStatus != null) {
			evicted.end(evictedStatus);
		}
		stream.start();
		if (this.store.isClosed()) {
			// Shutdown began before this call arrived: tell it NOT_SERVING and let it go.
			remove(stream);
			stream.complete();
		}
	}

	int count() {
		synchronized (this.lock) {
			return this.count;
		}
	}

	int serviceCount() {
		synchronized (this.lock) {
			return this.byService.size();
		}
	}

	@Override
	public void servingStatusChanged(String service, ServingState status) {
		List<WatchStream> streams;
		synchronized (this.lock) {
			Set<WatchStream> watching = this.byService.get(service);
			if (watching == null) {
				return;
			}
			streams = new ArrayList<>(watching);
		}
		streams.forEach(WatchStream::statusChanged);
	}

	@Override
	public void storeClosed() {
		removeAll().forEach(WatchStream::complete);
	}

	/**
	 * Tell every open Watch call NOT_SERVING, whatever the store says, and complete it.
	 */
	void endAll() {
		removeAll().forEach((stream) -> stream.complete(ServingStatus.NOT_SERVING));
	}

	private List<WatchStream> removeAll() {
		List<WatchStream> streams = new ArrayList<>();
		synchronized (this.lock) {
			this.byService.values().forEach(streams::addAll);
			this.byService.clear();
			this.byConnection.clear();
			this.count = 0;
		}
		return streams;
	}

	private ServingStatus currentStatus(String service) {
		ServingState status = this.store.status(service);
		if (status == null) {
			return ServingStatus.SERVICE_UNKNOWN;
		}
		return ProtoStatuses.of(status);
	}

	// Adds the stream, or says why not; the stream that gave way for it, if one did, is
	// uncounted here and ended by the caller outside the lock.
	private Admission add(WatchStream stream) {
		String service = stream.service();
		if (service.length() > WatchLimits.MAX_SERVICE_NAME_LENGTH) {
			return Admission.refused(Status.INVALID_ARGUMENT.withDescription("The service name is " + service.length()
					+ " characters long; Watch accepts names of up to " + WatchLimits.MAX_SERVICE_NAME_LENGTH));
		}
		Object connection = stream.connection();
		synchronized (this.lock) {
			WatchStream evicted = null;
			if (this.count >= this.limits.maxWatchers()) {
				evicted = this.byConnection.evictable(connection);
				if (evicted == null) {
					return Admission.refused(Status.RESOURCE_EXHAUSTED.withDescription(this.count
							+ " Watch calls are open, the limit of grpc.health.watch.max-watchers, and no client "
							+ "connection holds two more than this call's, which holds "
							+ this.byConnection.held(connection) + "; end some or raise the limit"));
				}
			}
			Set<WatchStream> streams = this.byService.get(service);
			if (streams == null && this.store.status(service) == null
					&& unknownServiceCount() >= this.limits.maxUnknownServices()) {
				return Admission.refused(Status.RESOURCE_EXHAUSTED.withDescription(
						this.limits.maxUnknownServices() + " distinct unknown services are watched, the limit of "
								+ "grpc.health.watch.max-unknown-services; watch a service this server knows "
								+ "(List shows them) or raise the limit"));
			}
			Status evictedStatus = null;
			if (evicted != null) {
				evictedStatus = Status.RESOURCE_EXHAUSTED.withDescription("The server's " + this.limits.maxWatchers()
						+ " Watch calls (grpc.health.watch.max-watchers) were all open "
						+ "and this call's connection held the most of them (" + this.byConnection.heaviest()
						+ "), so its oldest call gave way to a connection holding fewer; raise "
						+ "grpc.health.watch.max-watchers or spread the calls over more connections");
				remove(evicted);
			}
			this.byService.computeIfAbsent(service, (key) -> new HashSet<>()).add(stream);
			this.byConnection.add(stream);
			this.count++;
			return new Admission(null, evicted, evictedStatus);
		}
	}

	// Called with the lock held. Counted afresh each time because names turn known when
	// services are added; the watched names are at most the known ones plus the limit.
	private int unknownServiceCount() {
		int unknown = 0;
		for (String service : this.byService.keySet()) {
			if (this.store.status(service) == null) {
				unknown++;
			}
		}
		return unknown;
	}

	// Idempotent: a stream that gave way is removed when evicted, and again by its
	// cancellation handler if the client cancels it before hearing the end.
	private void remove(WatchStream stream) {
		synchronized (this.lock) {
			Set<WatchStream> streams = this.byService.get(stream.service());
			if (streams != null && streams.remove(stream)) {
				this.count--;
				this.byConnection.remove(stream);
				if (streams.isEmpty()) {
					this.byService.remove(stream.service());
				}
			}
		}
	}

	private record Admission(@Nullable Status refusal, @Nullable WatchStream evicted, @Nullable Status evictedStatus) {

		static Admission refused(Status refusal) {
			return new Admission(refusal, null, null);
		}

	}

}
