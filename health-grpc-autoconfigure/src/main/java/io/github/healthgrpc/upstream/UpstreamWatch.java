package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * One subscriber's Watch of an upstream: one call open at a time, each message pushed as
 * it arrives, the call opened again when it ends. The first call fails fast, so that an
 * upstream that cannot be reached is DOWN at once; the calls after a failure wait for the
 * channel to connect, so the channel's own reconnect backoff paces them. A call that ends
 * before the upstream said SERVING is followed by a {@link WatchBackoff} delay, so that
 * an upstream that answers and hangs up at once (one that is draining) is not called in a
 * loop. A call that fails after SERVING is reported only if its replacement has not said
 * SERVING within a short grace (a rotated connection is no outage). An upstream without
 * Health (UNIMPLEMENTED) is followed by its channel's connectivity, and asked again after
 * each backoff delay.
 */
final class UpstreamWatch {

	private static final String CANCELLED = "the upstream check was removed or the application is stopping";

	private final Channel channel;

	private final Upstream upstream;

	private final UpstreamHealth health;

	private final ScheduledExecutorService timer;

	private final Consumer<Health> results;

	// How long a call that failed after SERVING has to be replaced by one that says
	// SERVING before the failure is pushed: the upstream may only have rotated its
	// connection (max-connection-age, a proxy's stream timeout), which a new call on the
	// channel's new connection shows within milliseconds. A process that died leaves the
	// new call waiting, and the failure is pushed after this.
	private static final long ROTATION_GRACE_MILLIS = 200;

	private final WatchBackoff backoff;

	private final KeepaliveRefusal refusals = new KeepaliveRefusal();

	private final Object lock = new Object();

	// Guarded by lock.
	private @Nullable Attempt current;

	private @Nullable ScheduledFuture<?> scheduled;

	private @Nullable ScheduledFuture<?> failureDeferred;

	private @Nullable Health deferredOutcome;

	private boolean stopped;

	private boolean down;

	private @Nullable ConnectivityFollower follower;

	UpstreamWatch(Channel channel, Upstream upstream, ScheduledExecutorService timer, Consumer<Health> results) {
		this.channel = channel;
		this.upstream = upstream;
		this.health = new UpstreamHealth(upstream);
		this.timer = timer;
		this.results = results;
		this.backoff = new WatchBackoff(upstream.timeout());
	}

	void start() {
		open(false);
	}

	void stop() {
		Attempt attempt;
		ConnectivityFollower following;
		synchronized (this.lock) {
			this.stopped = true;
			cancelScheduled();
			cancelDeferredFailure();
			attempt = this.current;
			this.current = null;
			following = this.follower;
			this.follower = null;
		}
		if (attempt != null) {
			attempt.cancel();
		}
		if (following != null) {
			following.stop();
		}
	}

	private void open(boolean waitForReady) {
		Attempt attempt = new Attempt();
		synchronized (this.lock) {
			if (this.stopped) {
				return;
			}
			this.current = attempt;
			cancelScheduled();
			this.scheduled = this.timer.schedule(() -> noAnswer(attempt), this.upstream.timeout().toNanos(),
					TimeUnit.NANOSECONDS);
		}
		HealthGrpc.HealthStub stub = HealthGrpc.newStub(this.channel);
		if (waitForReady) {
			stub = stub.withWaitForReady();
		}
		stub.watch(HealthCheckRequest.newBuilder().setService(this.upstream.service()).build(), attempt);
	}

	private void noAnswer(Attempt attempt) {
		synchronized (this.lock) {
			// A failure already said why the check is DOWN; keep that reason.
			if (this.current != attempt || attempt.answered || this.down) {
				return;
			}
			push(this.health.noAnswer());
		}
	}

	private void answered(Attempt attempt, ServingStatus status) {
		synchronized (this.lock) {
			if (this.current != attempt) {
				return;
			}
			if (!attempt.answered) {
				attempt.answered = true;
				cancelScheduled();
			}
			if (status == ServingStatus.SERVING) {
				attempt.served = true;
				this.backoff.reset();
			}
			// A status from the upstream replaces whatever the last call's end said.
			cancelDeferredFailure();
			stopFollowing();
			push(this.health.of(status));
		}
	}

	private void ended(Attempt attempt, @Nullable Status failure) {
		synchronized (this.lock) {
			if (this.current != attempt) {
				return;
			}
			this.current = null;
			cancelScheduled();
			if (failure != null && failure.getCode() == Status.Code.UNIMPLEMENTED) {
				// Asked again after a backoff delay, so that an upstream redeployed with
				// Health is followed by Watch again.
				followConnectivity();
				reopenAfter(this.backoff.next());
				return;
			}
			if (failure != null && KeepaliveRefusal.isRefusal(failure)) {
				// The upstream answered, so it is up: no outage to report. grpc-java has
				// already doubled the channel's keepalive time; the call goes on at once.
				this.refusals.heard(this.upstream, failure);
				reopenAfter(Duration.ZERO);
				return;
			}
			Health outcome = (failure != null) ? this.health.failed(failure) : this.health.ended();
			if (failure != null && attempt.served) {
				cancelDeferredFailure();
				this.deferredOutcome = outcome;
				this.failureDeferred = this.timer.schedule(() -> pushDeferred(outcome), ROTATION_GRACE_MILLIS,
						TimeUnit.MILLISECONDS);
			}
			else {
				push(outcome);
			}
			reopenAfter(attempt.served ? Duration.ZERO : this.backoff.next());
		}
	}

	private void pushDeferred(Health outcome) {
		synchronized (this.lock) {
			// Only the failure still deferred: a cancelled task may already be waiting
			// here.
			if (this.deferredOutcome == outcome) {
				this.failureDeferred = null;
				this.deferredOutcome = null;
				push(outcome);
			}
		}
	}

	// Called with the lock held.
	private void reopenAfter(Duration delay) {
		this.scheduled = this.timer.schedule(() -> open(true), delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	// Called with the lock held.
	private void cancelDeferredFailure() {
		if (this.failureDeferred != null) {
			this.failureDeferred.cancel(false);
			this.failureDeferred = null;
		}
		this.deferredOutcome = null;
	}

	// Called with the lock held.
	private void stopFollowing() {
		if (this.follower != null) {
			this.follower.stop();
			this.follower = null;
		}
	}

	// Called with the lock held.
	private void followConnectivity() {
		if (this.follower != null) {
			return;
		}
		if (this.channel instanceof ManagedChannel managed) {
			this.follower = new ConnectivityFollower(managed, (ready) -> {
				synchronized (this.lock) {
					if (!this.stopped) {
						push(this.health.connected(ready));
					}
				}
			});
			this.follower.start();
		}
		else {
			push(this.health.unimplemented());
		}
	}

	// Called with the lock held, so that results reach the subscriber in order.
	private void push(Health result) {
		if (this.stopped) {
			return;
		}
		this.down = !result.getStatus().equals(org.springframework.boot.health.contributor.Status.UP);
		this.results.accept(result);
	}

	// Called with the lock held.
	private void cancelScheduled() {
		if (this.scheduled != null) {
			this.scheduled.cancel(false);
			this.scheduled = null;
		}
	}

	/**
	 * One Watch call.
	 */
	private final class Attempt implements ClientResponseObserver<HealthCheckRequest, HealthCheckResponse> {

		// Guarded by the watch's lock.
		private boolean answered;

		private boolean served;

		private volatile @Nullable ClientCallStreamObserver<HealthCheckRequest> call;

		// Set by cancel(), which may come before the call exists: stop() between open()'s
		// lock and the call's start.
		private volatile boolean cancelled;

		@Override
		public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
			this.call = requestStream;
			if (this.cancelled) {
				requestStream.cancel(CANCELLED, null);
			}
		}

		@Override
		public void onNext(HealthCheckResponse response) {
			answered(this, response.getStatus());
		}

		@Override
		public void onError(Throwable failure) {
			ended(this, Status.fromThrowable(failure));
		}

		@Override
		public void onCompleted() {
			ended(this, null);
		}

		void cancel() {
			this.cancelled = true;
			ClientCallStreamObserver<HealthCheckRequest> requestStream = this.call;
			if (requestStream != null) {
				requestStream.cancel(CANCELLED, null);
			}
		}

	}

}
