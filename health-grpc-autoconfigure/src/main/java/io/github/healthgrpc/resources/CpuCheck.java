package io.github.healthgrpc.resources;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.github.healthgrpc.engine.CheckFunction;

import org.springframework.boot.health.contributor.Health;

/**
 * The {@code cpu} check: the CPU time the process used over the last window, as a share
 * of the wall-clock time of every processor the JVM may use, against the warn and fail
 * thresholds. Details: {@code load} (0 to 1), {@code window} (the span measured,
 * ISO-8601), {@code processors}, and the percentage as {@code observedValue} with
 * {@code observedUnit}.
 *
 * <p>
 * Each evaluation takes a sample; the load is measured from the newest sample at least
 * one window old, so the span covers at least the window and at most the window plus one
 * interval of the check. Until a window has passed it covers the time since the check was
 * created, during startup.
 *
 * @since 0.1.0
 */
public final class CpuCheck implements CheckFunction {

	private final Supplier<CpuSample> clock;

	private final long windowNanos;

	private final Thresholds thresholds;

	private final Deque<CpuSample> samples = new ArrayDeque<>();

	/**
	 * Create a cpu check; it takes its first sample at once.
	 * @param clock the CPU time readings, such as {@link ProcessCpuClock#ofThisJvm()}
	 * @param window the span the load is averaged over
	 * @param thresholds the warn and fail thresholds, as shares of the processors
	 */
	public CpuCheck(Supplier<CpuSample> clock, Duration window, Thresholds thresholds) {
		this.clock = clock;
		this.windowNanos = window.toNanos();
		this.thresholds = thresholds;
		CpuSample first = clock.get();
		if (first.cpuNanos() >= 0) {
			this.samples.add(first);
		}
	}

	@Override
	public CompletionStage<Health> evaluate() {
		return CompletableFuture.completedFuture(health(this.clock.get()));
	}

	// Synchronized: an evaluation written off at its timeout may still be running when
	// the next one starts.
	private synchronized Health health(CpuSample now) {
		if (now.cpuNanos() < 0) {
			return Health.unknown().withDetail("reason", "the JVM did not report the process's CPU time").build();
		}
		this.samples.addLast(now);
		while (this.samples.size() > 2 && isWindowOld(secondOldest(), now)) {
			this.samples.removeFirst();
		}
		CpuSample since = this.samples.getFirst();
		long span = now.wallNanos() - since.wallNanos();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("window", Duration.ofNanos(span).toString());
		details.put("processors", now.processors());
		if (span <= 0) {
			return Health.unknown()
				.withDetails(details)
				.withDetail("reason", "this is the first sample; the load shows from the next evaluation")
				.build();
		}
		double load = (double) (now.cpuNanos() - since.cpuNanos()) / ((double) span * now.processors());
		Map<String, Object> observed = new LinkedHashMap<>();
		observed.put("load", load);
		observed.putAll(details);
		return this.thresholds.assess(load, "process CPU", observed);
	}

	private CpuSample secondOldest() {
		return this.samples.stream().skip(1).findFirst().orElseThrow();
	}

	private boolean isWindowOld(CpuSample sample, CpuSample now) {
		return now.wallNanos() - sample.wallNanos() >= this.windowNanos;
	}

}
