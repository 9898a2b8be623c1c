package io.github.healthgrpc.benchmarks.peer.bare;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * The bare peer's shutdown hook: every service NOT_SERVING, the drain delay, then the
 * server's graceful shutdown, cut after the grace period. {@link HealthStatusManager}
 * never completes a Watch call, so open watchers always last until the cut.
 */
final class BareShutdown {

	private final Server server;

	private final HealthStatusManager health;

	private final PricingChecker checker;

	BareShutdown(Server server, HealthStatusManager health, PricingChecker checker) {
		this.server = server;
		this.health = health;
		this.checker = checker;
	}

	void run(Duration drainDelay, Duration gracePeriod) {
		this.checker.stop();
		this.health.enterTerminalState();
		try {
			Thread.sleep(drainDelay.toMillis());
			this.server.shutdown();
			if (!this.server.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
				this.server.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.server.shutdownNow();
		}
	}

}
