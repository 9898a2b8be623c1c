package io.github.healthgrpc.grpc;

import java.util.Map;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.github.healthgrpc.proto.health.v1.HealthListResponse;
import io.github.healthgrpc.store.ServiceStatuses;
import io.github.healthgrpc.store.ServingState;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.springframework.util.Assert;

/**
 * The {@code grpc.health.v1.Health} service: Check, Watch and List answered from the
 * {@link ServiceStatuses}. Every call is a lookup; none runs a check or waits for one.
 *
 * @since 0.1.0
 */
public class HealthGrpcService implements HealthGrpc.AsyncService, BindableService {

	private static final int MAX_NAME_IN_MESSAGE = 200;

	private final ServiceStatuses store;

	private final Watchers watchers;

	private final int maxListedServices;

	/**
	 * Create the service with the default {@link WatchLimits} and start listening to the
	 * store.
	 * @param store the status store
	 * @param maxListedServices the most services List returns before it answers
	 * RESOURCE_EXHAUSTED
	 */
	public HealthGrpcService(ServiceStatuses store, int maxListedServices) {
		this(store, maxListedServices, WatchLimits.DEFAULTS);
	}

	/**
	 * Create the service and start listening to the store.
	 * @param store the status store
	 * @param maxListedServices the most services List returns before it answers
	 * RESOURCE_EXHAUSTED
	 * @param watchLimits the limits on open Watch calls
	 */
	public HealthGrpcService(ServiceStatuses store, int maxListedServices, WatchLimits watchLimits) {
		Assert.isTrue(maxListedServices > 0, "maxListedServices must be positive");
		this.store = store;
		this.maxListedServices = maxListedServices;
		this.watchers = new Watchers(store, watchLimits);
		store.addListener(this.watchers);
	}

	/**
	 * The service definition, answering requests that do not parse with INVALID_ARGUMENT
	 * rather than grpc-java's UNKNOWN and a logged stack trace, and telling Watch which
	 * client connection each call came on (the reasons this class implements the
	 * generated {@code AsyncService} instead of extending {@code HealthImplBase}, whose
	 * {@code bindService()} is final). The protobuf messages load at the first call, not
	 * here.
	 * @return the service definition
	 */
	@Override
	public ServerServiceDefinition bindService() {
		return MalformedRequests.rejectedIn(CallConnection.identifiedIn(HealthDefinition.of(this)));
	}

	@Override
	public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
		ServingState status = this.store.status(request.getService());
		if (status == null) {
			responseObserver.onError(
					Status.NOT_FOUND
						.withDescription("Unknown service '" + abbreviate(request.getService())
								+ "': List shows the services this server knows")
						.asRuntimeException());
			return;
		}
		responseObserver.onNext(ProtoStatuses.response(status));
		responseObserver.onCompleted();
	}

	@Override
	public void list(HealthListRequest request, StreamObserver<HealthListResponse> responseObserver) {
		Map<String, ServingState> statuses = this.store.statuses();
		if (statuses.size() > this.maxListedServices) {
			responseObserver.onError(
					Status.RESOURCE_EXHAUSTED
						.withDescription(
								statuses.size() + " services exceed the List limit of " + this.maxListedServices
										+ " (grpc.health.list.max-services); use Check or Watch per service")
						.asRuntimeException());
			return;
		}
		HealthListResponse.Builder response = HealthListResponse.newBuilder();
		// A loop, not a lambda: Spring reads this bean's methods when the application
		// starts, and a lambda's method would load the protobuf builder it takes.
		for (Map.Entry<String, ServingState> service : statuses.entrySet()) {
			response.putStatuses(service.getKey(), ProtoStatuses.response(service.getValue()));
		}
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

	@Override
	public void watch(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
		this.watchers.watch(request.getService(), CallConnection.current(),
				(ServerCallStreamObserver<HealthCheckResponse>) responseObserver);
	}

	/**
	 * Tell every open Watch call NOT_SERVING and complete it, for a server that stops
	 * while the store stays open (the application context is stopped, not closed): open
	 * calls would hold the server's graceful shutdown for its whole grace period. Calls
	 * made afterwards, on this server or a restarted one, are served as usual.
	 */
	public void endWatches() {
		this.watchers.endAll();
	}

	/**
	 * The number of open Watch calls.
	 * @return the count
	 */
	public int watcherCount() {
		return this.watchers.count();
	}

	/**
	 * The number of distinct service names with an open Watch call; each holds an entry.
	 */
	int watchedServiceCount() {
		return this.watchers.serviceCount();
	}

	private static String abbreviate(String name) {
		return (name.length() <= MAX_NAME_IN_MESSAGE) ? name : name.substring(0, MAX_NAME_IN_MESSAGE) + "...";
	}

}
