package io.github.healthgrpc.upstream;

import io.grpc.Status;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * An upstream server that refuses the channel's keepalive pings: grpc-java's servers
 * permit a client's pings during a call only every 5 minutes by default, and close the
 * connection with GOAWAY {@code too_many_pings} when they come more often. That upstream
 * is alive, so the check re-opens its call without turning DOWN, and says once how to
 * make partitions detectable again.
 */
final class KeepaliveRefusal {

	private static final Log logger = LogFactory.getLog(KeepaliveRefusal.class);

	private boolean logged;

	static boolean isRefusal(Status status) {
		String description = status.getDescription();
		return description != null && description.contains("too_many_pings");
	}

	void heard(Upstream upstream, Status status) {
		if (this.logged) {
			return;
		}
		this.logged = true;
		logger.warn("Upstream check '" + upstream.name() + "': " + upstream.reachedBy() + " refused the keepalive "
				+ "pings (" + status.getCode() + ": too_many_pings), so grpc-java now pings it less often and a "
				+ "partition is noticed later. Let that server permit them: set its permit time below the "
				+ "check's keepalive-time (spring.grpc.server.keepalive.permit.time on Spring Boot's gRPC server, "
				+ "grpc.server.permit-keep-alive-time on devh's), or raise grpc.health.upstreams." + upstream.name()
				+ ".keepalive-time. The check stays UP: the server answered.");
	}

}
