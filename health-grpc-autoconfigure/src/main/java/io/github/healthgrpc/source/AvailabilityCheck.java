package io.github.healthgrpc.source;

import java.util.function.Consumer;

import io.github.healthgrpc.engine.CheckDefinition;
import org.springframework.boot.health.application.AvailabilityStateHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * A Spring Boot availability indicator ({@code livenessState}, {@code readinessState}) as
 * a pushed check: evaluated when the engine subscribes and again on every availability
 * change. Polling would leave it wrong for up to an interval after each change.
 */
record AvailabilityCheck(AvailabilityStateHealthIndicator indicator,
		AvailabilityChanges changes) implements Consumer<Consumer<Health>> {

	// The subscription is the record itself, equal for the same indicator, so that reading
	// the registry again yields an equal definition and subscribes nothing twice.
	static CheckDefinition.Pushed of(String name, AvailabilityStateHealthIndicator indicator,
			AvailabilityChanges changes) {
		return new CheckDefinition.Pushed(name, new AvailabilityCheck(indicator, changes));
	}

	@Override
	public void accept(Consumer<Health> recorder) {
		subscribe(recorder);
	}

	private void subscribe(Consumer<Health> recorder) {
		Object lock = new Object();
		// Evaluating and recording under one lock keeps an older evaluation from being
		// recorded after a newer one when a change races with the first push.
		Runnable push = () -> {
			synchronized (lock) {
				recorder.accept(evaluate());
			}
		};
		this.changes.subscribe(push);
		push.run();
	}

	private Health evaluate() {
		try {
			return this.indicator.health(true);
		}
		catch (RuntimeException ex) {
			return Health.down(ex).build();
		}
	}

}
