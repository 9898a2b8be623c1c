package io.github.healthgrpc.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.github.healthgrpc.engine.CheckFunction;

import org.springframework.boot.health.contributor.Health;

/**
 * The {@code heap} check: the long-lived heap pool's usage after its last collection, as
 * a ratio of its maximum, against the warn and fail thresholds. Details: {@code pool},
 * {@code used} and {@code max} (bytes), {@code ratio}, and the percentage as
 * {@code observedValue} with {@code observedUnit}.
 *
 * @since 0.1.0
 */
public final class HeapCheck implements CheckFunction {

	private final Supplier<HeapReading> readings;

	private final Thresholds thresholds;

	/**
	 * Create a heap check.
	 * @param readings the heap readings, such as {@link LongLivedHeap}
	 * @param thresholds the warn and fail thresholds, as ratios of the maximum
	 */
	public HeapCheck(Supplier<HeapReading> readings, Thresholds thresholds) {
		this.readings = readings;
		this.thresholds = thresholds;
	}

	@Override
	public CompletionStage<Health> evaluate() {
		return CompletableFuture.completedFuture(health(this.readings.get()));
	}

	private Health health(HeapReading reading) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("pool", reading.pool());
		details.put("used", reading.used());
		if (reading.max() <= 0) {
			// Without a maximum there is no ratio to judge; UNKNOWN says so.
			return Health.unknown()
				.withDetails(details)
				.withDetail("reason", "the JVM reports no maximum size for " + reading.pool())
				.build();
		}
		double ratio = (double) reading.used() / reading.max();
		details.put("max", reading.max());
		details.put("ratio", ratio);
		return this.thresholds.assess(ratio, "heap after GC (" + reading.pool() + ")", details);
	}

}
