package io.github.healthgrpc.engine;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How often a polled check runs and how long one evaluation may take.
 *
 * @param interval the time between the starts of two evaluations
 * @param timeout the time after which an evaluation counts as DOWN
 * @since 0.1.0
 */
public record CheckSchedule(Duration interval, Duration timeout) {

	/**
	 * Create a schedule.
	 * @param interval the time between the starts of two evaluations; positive
	 * @param timeout the time after which an evaluation counts as DOWN; positive
	 */
	public CheckSchedule {
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "Check interval must be positive");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Check timeout must be positive");
	}

}
