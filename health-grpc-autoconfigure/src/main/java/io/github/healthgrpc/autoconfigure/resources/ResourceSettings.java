package io.github.healthgrpc.autoconfigure.resources;

import java.time.Duration;

import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.resources.ResourceCheckSource;
import io.github.healthgrpc.resources.Thresholds;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The validated {@code grpc.health.resources} settings. Every value is validated, also
 * those of a check that is off, so that a mistake never waits for the day the check is
 * switched on.
 */
final class ResourceSettings {

	private static final String PREFIX = "grpc.health.resources.";

	private final Thresholds heap;

	private final Thresholds cpu;

	private final Duration cpuWindow;

	ResourceSettings(HealthGrpcProperties.Resources resources) {
		this.heap = thresholds(ResourceCheckSource.HEAP, resources.getHeap());
		this.cpu = thresholds(ResourceCheckSource.CPU, resources.getCpu());
		this.cpuWindow = resources.getCpu().getWindow();
		if (this.cpuWindow.isNegative() || this.cpuWindow.isZero()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "cpu.window", this.cpuWindow,
					"It must be a positive duration. Set it to the time the CPU load is averaged over, such as 1m.");
		}
	}

	Thresholds heap() {
		return this.heap;
	}

	Thresholds cpu() {
		return this.cpu;
	}

	Duration cpuWindow() {
		return this.cpuWindow;
	}

	private static Thresholds thresholds(String check, HealthGrpcProperties.Resources.Thresholds thresholds) {
		String warn = PREFIX + check + ".warn-threshold";
		String fail = PREFIX + check + ".fail-threshold";
		ratio(warn, thresholds.getWarnThreshold());
		ratio(fail, thresholds.getFailThreshold());
		if (thresholds.getFailThreshold() <= thresholds.getWarnThreshold()) {
			throw new InvalidConfigurationPropertyValueException(fail, thresholds.getFailThreshold(),
					"It must be above " + warn + " (" + thresholds.getWarnThreshold() + "): the " + check
							+ " check warns first and fails later. Raise it, or lower the warn threshold, such as "
							+ "warn-threshold 0.9 and fail-threshold 0.98.");
		}
		return new Thresholds(thresholds.getWarnThreshold(), thresholds.getFailThreshold());
	}

	private static void ratio(String name, double value) {
		if (!(value > 0 && value <= 1)) {
			throw new InvalidConfigurationPropertyValueException(name, value,
					"It must be a ratio above 0 and at most 1, such as 0.9 for 90%: write a percentage as a ratio.");
		}
	}

}
