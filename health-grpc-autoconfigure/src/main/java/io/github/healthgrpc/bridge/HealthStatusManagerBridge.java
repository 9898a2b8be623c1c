package io.github.healthgrpc.bridge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusListener;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Context;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Lets code written for grpc-java's {@link HealthStatusManager} (injected and set, as
 * Spring Boot's and devh's gRPC docs teach) set health-grpc's statuses unchanged.
 *
 * <p>
 * {@code HealthStatusManager} is a final class, so the bridge owns a plain one,
 * {@link #getHealthStatusManager()}, and listens to it from the time it starts, in a
 * lifecycle phase after the engine's (so that the engine's listeners, the metrics among
 * them, hear every bridged check): it watches the manager's own Health service in process
 * (no channel, no port) for {@code ""} and for every service the store knows, the bound
 * and the mapped ones, including services that become known later. A status set earlier
 * is read when the watch begins; from then on grpc-java tells watchers inside
 * {@code setStatus}, so every change reaches the store before {@code setStatus} returns:
 * pushed, never polled.
 *
 * <p>
 * A status set for a service becomes one more member check of that service, named by
 * {@link #checkName(String)}, on top of the checks mapped to it: SERVING is UP,
 * NOT_SERVING is DOWN and UNKNOWN is UNKNOWN. The service is SERVING only while every
 * member is UP, so {@code setStatus(service, NOT_SERVING)} turns it NOT_SERVING whatever
 * its checks say, and {@code SERVING} only lifts what the bridge held: it never overrides
 * a check that is DOWN, the warm-up or the drain. {@code clearStatus} removes the member
 * and the service follows its checks again. {@code enterTerminalState} starts
 * health-grpc's drain: every service that follows traffic turns NOT_SERVING for good, and
 * the manager ignores every later change, as in grpc-java. A status set for a name that
 * health-grpc does not know (not bound, not mapped) stays in the manager and reaches no
 * client.
 *
 * <p>
 * The manager is made when it is first asked for ({@link #getHealthStatusManager()}), and
 * the bridge listens from then on (or from its start, if later): an application that
 * never injects it loads neither grpc-java's Health service nor the protobuf descriptors
 * its classes build, and has nothing the bridge would hear.
 *
 * <p>
 * The manager's own Health service is never bound: health-grpc's is the one a server may
 * bind, and the servers' own health, which would bind the manager's, is switched off.
 *
 * @since 0.1.0
 */
public final class HealthStatusManagerBridge implements SmartLifecycle, StatusListener, DisposableBean {

	/**
	 * The name of the bridged check of the overall ({@code ""}); the bridged check of any
	 * other service is this name, a slash and the service's name.
	 */
	public static final String CHECK_NAME = "health-status-manager";

	// A name that only the bridge sets: grpc-java turns every service it has a status for
	// NOT_SERVING when it enters its terminal state, and this one tells the bridge so.
	private static final String TERMINAL_STATE_SIGNAL = "io.github.healthgrpc.bridge/terminal-state";

	private @Nullable HealthStatusManager manager;

	private volatile HealthGrpc.@Nullable AsyncService health;

	private final StatusStore store;

	private final CheckRunner runner;

	private final int phase;

	private final Map<String, BridgedService> watched = new ConcurrentHashMap<>();

	private volatile boolean running;

	private boolean started;

	private boolean listening;

	/**
	 * Create a bridge; it listens once it starts.
	 * @param store the store the statuses go to
	 * @param runner the engine that records the bridged checks
	 * @param phase the lifecycle phase to start in: after the engine's
	 */
	public HealthStatusManagerBridge(StatusStore store, CheckRunner runner, int phase) {
		this.store = store;
		this.runner = runner;
		this.phase = phase;
	}

	/**
	 * The bridged manager, for the application to inject and set: made on the first call,
	 * and listened to from then on if the bridge has started.
	 * @return the manager
	 */
	public synchronized HealthStatusManager getHealthStatusManager() {
		HealthStatusManager manager = this.manager;
		if (manager == null) {
			manager = new HealthStatusManager();
			this.health = (HealthGrpc.AsyncService) manager.getHealthService();
			// grpc-java starts "" SERVING; nobody set it, so it is no member of the
			// overall.
			manager.clearStatus(StatusStore.OVERALL);
			manager.setStatus(TERMINAL_STATE_SIGNAL, HealthCheckResponse.ServingStatus.SERVING);
			this.manager = manager;
			if (this.started) {
				listen();
			}
		}
		return manager;
	}

	/**
	 * The name of the check that stands for the status set for a service.
	 * @param service the service name, {@code ""} for the overall
	 * @return {@value #CHECK_NAME} for the overall,
	 * {@code health-status-manager/<service>} for any other service
	 */
	public static String checkName(String service) {
		return service.isEmpty() ? CHECK_NAME : CHECK_NAME + "/" + service;
	}

	@Override
	public synchronized void start() {
		this.started = true;
		if (this.manager != null) {
			listen();
		}
		this.running = true;
	}

	private void listen() {
		if (!this.listening) {
			this.listening = true;
			watch(TERMINAL_STATE_SIGNAL, new TerminalState());
			this.store.addListener(this);
			watch(StatusStore.OVERALL);
			this.store.statuses().keySet().forEach(this::watch);
		}
	}

	@Override
	public void stop() {
		// Keeps listening: a context stopped and started again keeps its statuses.
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	@Override
	public void servingStatusChanged(String service, ServingState status) {
		watch(service);
	}

	@Override
	public void destroy() {
		this.store.removeListener(this);
	}

	private void watch(String service) {
		if (!this.watched.containsKey(service)) {
			BridgedService bridged = new BridgedService(service, checkName(service), this.store, this.runner);
			if (this.watched.putIfAbsent(service, bridged) == null) {
				watch(service, bridged);
			}
		}
	}

	private void watch(String service, StreamObserver<HealthCheckResponse> watcher) {
		HealthGrpc.AsyncService health = this.health;
		Assert.state(health != null, "No manager to watch");
		// In the root context: the manager ends a watch when the caller's context is
		// cancelled, and this one must last as long as the application.
		Context.ROOT.run(() -> health.watch(HealthCheckRequest.newBuilder().setService(service).build(), watcher));
	}

	/**
	 * Hears the manager enter its terminal state, and drains health-grpc with it.
	 */
	private final class TerminalState implements StreamObserver<HealthCheckResponse> {

		@Override
		public void onNext(HealthCheckResponse response) {
			if (response.getStatus() == HealthCheckResponse.ServingStatus.NOT_SERVING) {
				HealthStatusManagerBridge.this.store.drain();
			}
		}

		@Override
		public void onError(Throwable error) {
		}

		@Override
		public void onCompleted() {
		}

	}

}
