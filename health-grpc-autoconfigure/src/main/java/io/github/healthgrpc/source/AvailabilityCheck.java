package io.github.healthgrpc.source;

import java.util.function.Consumer;

import io.github.healthgrpc.engine.CheckDefinition;

import org.springframework.boot.health.application.AvailabilityStateHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * A Spring Boot availability indicator ({@code livenessState}, {@code readinessState}) as
 * a pushed check: evaluated when the engine subscribes and again on every availability
 * change. Polling would leave it wrong for up to an interval after each change. The
 * engine ends the subscription when the check is removed, so a check removed and added
 * again is evaluated once per change, not once per time it was added.
 */
record AvailabilityCheck(AvailabilityStateHealthIndicator indicator,
		AvailabilityChanges changes) implements CheckDefinition.CancellableSubscription {

	// The subscription is the record itself, equal for the same indicator, so that
	// reading the registry again yields an equal definition and subscribes nothing twice.
	static CheckDefinition.Pushed of(String name, AvailabilityStateHealthIndicator indicator,
			AvailabilityChanges changes) {
		return new CheckDefinition.Pushed(name, new AvailabilityCheck(indicator, changes));
	}

	@Override
	public void accept(Consumer<Health> recorder) {
		Push push = new Push(this.indicator, recorder);
		this.changes.subscribe(push);
		push.run();
	}

	@Override
	public void cancel(Consumer<Health> recorder) {
		// Equal to the one subscribed: the same indicator and the same recorder.
		this.changes.unsubscribe(new Push(this.indicator, recorder));
	}

	private record Push(AvailabilityStateHealthIndicator indicator, Consumer<Health> recorder) implements Runnable {

		@Override
		public void run() {
			// Evaluating and recording under one lock keeps an older evaluation from
			// being recorded after a newer one when a change races with the first push.
			synchronized (this) {
				this.recorder.accept(evaluate());
			}
		}

		private Health evaluate() {
			try {
				// Spring Boot's contract allows null; a result that says nothing reads
				// DOWN.
				return HealthResults.toHealth(this.indicator.health(true));
			}
			catch (RuntimeException ex) {
				return Health.down(ex).build();
			}
		}

	}

}
