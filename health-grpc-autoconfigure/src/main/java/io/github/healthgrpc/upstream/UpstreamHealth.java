package io.github.healthgrpc.upstream;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.Status;

import org.springframework.boot.health.contributor.Health;

/**
 * The results an upstream check pushes, each with the upstream it is about.
 */
final class UpstreamHealth {

	private final Upstream upstream;

	UpstreamHealth(Upstream upstream) {
		this.upstream = upstream;
	}

	Health of(ServingStatus status) {
		if (status == ServingStatus.SERVING) {
			return about(Health.up()).withDetail("status", status.name()).build();
		}
		return down("the upstream says " + status.name()).withDetail("status", status.name()).build();
	}

	Health failed(Status status) {
		String reason = status.getCode() + ((status.getDescription() != null) ? ": " + status.getDescription() : "");
		return down("the Watch call failed with " + reason).build();
	}

	Health ended() {
		return down("the upstream ended the Watch call (it is shutting down)").build();
	}

	Health noAnswer() {
		return down("no answer within " + this.upstream.timeout().toMillis() + " ms (the check's timeout)").build();
	}

	Health connected(boolean ready) {
		String following = "the upstream does not implement grpc.health.v1.Health: following the connection";
		Health.Builder builder = ready ? about(Health.up()) : down("the connection is lost");
		return builder.withDetail("note", following).build();
	}

	Health unimplemented() {
		return about(Health.up())
			.withDetail("note", "the upstream answered UNIMPLEMENTED (it does not implement grpc.health.v1.Health), "
					+ "so it is reachable; the check asks again after a backoff delay and turns DOWN when it cannot")
			.build();
	}

	private Health.Builder down(String reason) {
		return about(Health.down()).withDetail("reason", reason);
	}

	private Health.Builder about(Health.Builder builder) {
		return builder.withDetail("upstream", this.upstream.reachedBy()).withDetail("service", this.upstream.service());
	}

}
