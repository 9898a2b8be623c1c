package io.github.healthgrpc.autoconfigure.metrics;

import io.github.healthgrpc.engine.CheckEvaluation;
import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.EvaluationOutcome;
import io.github.healthgrpc.metrics.CheckMeters;
import io.github.healthgrpc.metrics.CheckObservations;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Observes every evaluation of a polled check through {@link CheckObservations}: the
 * observation starts with the evaluation, is current on the worker thread while the
 * check's function runs, and stops when its outcome is settled, an abandoned one
 * included, so that no observation is left open.
 */
class CheckObservationsListener implements CheckListener {

	private final CheckObservations observations;

	private final ObjectProvider<CheckMeters> meters;

	CheckObservationsListener(CheckObservations observations, ObjectProvider<CheckMeters> meters) {
		this.observations = observations;
		this.meters = meters;
	}

	@Override
	public CheckEvaluation evaluationStarted(String checkName) {
		if (this.observations.isNoop()) {
			// Without an observation registry there is nothing to observe.
			return CheckEvaluation.NONE;
		}
		Observation observation = this.observations.start(checkName);
		return new CheckEvaluation() {

			@Override
			public Scope openScope() {
				return new ObservationScope(observation.openScope());
			}

			@Override
			public void ended(EvaluationOutcome outcome, @Nullable Throwable failure) {
				CheckObservationsListener.this.observations.stop(observation, Outcomes.tag(outcome), failure);
				// The timer Micrometer derives from the observation goes with the check.
				CheckMeters meters = CheckObservationsListener.this.meters.getIfAvailable();
				if (meters != null) {
					meters.removedMeanwhile(checkName);
				}
			}

		};
	}

	// A class, not a method reference: scopes open on several worker threads at once,
	// and every thread that links a method reference's call site at the same time spins
	// a class of its own.
	private static final class ObservationScope implements CheckEvaluation.Scope {

		private final Observation.Scope scope;

		ObservationScope(Observation.Scope scope) {
			this.scope = scope;
		}

		@Override
		public void close() {
			this.scope.close();
		}

	}

}
