package io.github.healthgrpc.bridge;

import java.time.Duration;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.stub.StreamObserver;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * One service watched on the bridged {@code HealthStatusManager}: each status the manager
 * tells its watchers becomes the result of the service's bridged check, a pushed check
 * that joins the service's members on the first status and leaves them when the status is
 * cleared. grpc-java tells its watchers inside {@code setStatus}, so the store has the
 * result before {@code setStatus} returns.
 */
final class BridgedService implements StreamObserver<HealthCheckResponse> {

	// Never used: a pushed check is not polled, but the engine takes a schedule for every
	// check.
	private static final CheckSchedule NOT_POLLED = new CheckSchedule(Duration.ofDays(1), Duration.ofDays(1));

	private final String service;

	private final String checkName;

	private final StatusStore store;

	private final CheckRunner runner;

	private @Nullable ManualHealthCheck check;

	BridgedService(String service, String checkName, StatusStore store, CheckRunner runner) {
		this.service = service;
		this.checkName = checkName;
		this.store = store;
		this.runner = runner;
	}

	@Override
	public synchronized void onNext(HealthCheckResponse response) {
		Health health = health(response.getStatus());
		if (health == null) {
			leave();
		}
		else if (this.check != null) {
			this.check.set(health);
		}
		else {
			join(health);
		}
	}

	// The result first, then the membership: a SERVING service that gets a bridged
	// SERVING never turns NOT_SERVING on the way for want of a first result.
	private void join(Health health) {
		ManualHealthCheck check = new ManualHealthCheck(this.checkName);
		check.set(health);
		this.runner.add(new CheckDefinition.Pushed(this.checkName, check::subscribe), NOT_POLLED);
		this.store.addMember(this.service, this.checkName);
		this.check = check;
	}

	// The membership first, then the result: the service follows its own checks again
	// without turning NOT_SERVING for a member whose result is forgotten.
	private void leave() {
		if (this.check != null) {
			this.store.removeMember(this.service, this.checkName);
			this.runner.remove(this.checkName);
			this.check = null;
		}
	}

	private static @Nullable Health health(HealthCheckResponse.ServingStatus status) {
		return switch (status) {
			case SERVING -> Health.up().build();
			case NOT_SERVING ->
				Health.down().withDetail("reason", "set NOT_SERVING through HealthStatusManager").build();
			case UNKNOWN -> Health.unknown().withDetail("reason", "set UNKNOWN through HealthStatusManager").build();
			// What grpc-java tells a watcher once the status is cleared, or before it is
			// set; a SERVICE_UNKNOWN set on purpose cannot be told apart, so it clears
			// too.
			case SERVICE_UNKNOWN, UNRECOGNIZED -> null;
		};
	}

	@Override
	public void onError(Throwable error) {
		// The manager's Health service never ends a Watch call.
	}

	@Override
	public void onCompleted() {
		// The manager's Health service never ends a Watch call.
	}

}
