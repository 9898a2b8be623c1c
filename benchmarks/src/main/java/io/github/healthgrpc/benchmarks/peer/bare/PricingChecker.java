package io.github.healthgrpc.benchmarks.peer.bare;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.healthgrpc.benchmarks.peer.PricingRuns;
import io.github.healthgrpc.sample.pricing.PricingHealthCheck;
import io.github.healthgrpc.sample.pricing.PricingProperties;

/**
 * The checker thread of the bare peer: the sample's TCP check every interval, DOWN when
 * it does not answer within the timeout, on threads of its own.
 */
final class PricingChecker {

	private final PricingHealthCheck check;

	private final Consumer<Boolean> result;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	PricingChecker(PricingProperties properties, Consumer<Boolean> result) {
		this.check = new PricingHealthCheck(properties);
		this.result = result;
	}

	void start(Duration interval, Duration timeout) {
		this.timer.scheduleAtFixedRate(() -> this.result.accept(evaluate(timeout)), 0, interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private boolean evaluate(Duration timeout) {
		// Stamped where the check sees the dependency, for the harness's freshness
		// figures.
		Future<Boolean> answer = this.worker.submit(() -> PricingRuns.run(this.check::pricingReachable));
		try {
			return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			answer.cancel(true);
			return false;
		}
	}

	void stop() {
		this.timer.shutdownNow();
		this.worker.shutdownNow();
	}

}
