package io.github.healthgrpc.resources;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;

/**
 * The warn and fail thresholds of a resource check, as ratios of what the resource
 * allows, and the health a measured ratio has.
 *
 * <p>
 * A ratio at or above the fail threshold is DOWN. One at or above the warn threshold is
 * UP with a {@code warning} detail, not a status of its own: every status but UP is
 * NOT_SERVING unless {@code grpc.health.status.mapping} says otherwise, and a warning
 * must not take a service out of rotation.
 *
 * @param warn the ratio from which the check warns
 * @param fail the ratio from which the check is DOWN, above {@code warn}
 * @since 0.1.0
 */
public record Thresholds(double warn, double fail) {

	/**
	 * The health of a measured ratio.
	 * @param ratio the measured ratio, usually from 0 to 1
	 * @param what what was measured, for the warning or the reason, such as "heap after
	 * GC"
	 * @param details the observed values, in the order a view shows them
	 * @return DOWN with a {@code reason}, UP with a {@code warning}, or UP
	 */
	Health assess(double ratio, String what, Map<String, Object> details) {
		Health.Builder health = (ratio >= this.fail) ? Health.down() : Health.up();
		health.withDetails(details)
			.withDetail("observedValue", percent(ratio))
			.withDetail("observedUnit", "percent")
			.withDetail("warnThreshold", this.warn)
			.withDetail("failThreshold", this.fail);
		if (ratio >= this.fail) {
			health.withDetail("reason", describe(what, ratio, "fail", this.fail));
		}
		else if (ratio >= this.warn) {
			health.withDetail("warning", describe(what, ratio, "warn", this.warn));
		}
		return health.build();
	}

	private static String describe(String what, double ratio, String threshold, double value) {
		return String.format(Locale.ROOT, "%s at %.1f%%, at or above the %s threshold of %.1f%%", what, percent(ratio),
				threshold, percent(value));
	}

	private static double percent(double ratio) {
		return Math.round(ratio * 1000) / 10.0;
	}

}
