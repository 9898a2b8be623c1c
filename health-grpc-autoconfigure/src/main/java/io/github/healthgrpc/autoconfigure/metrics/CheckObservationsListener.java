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
				Observation.Scope scope = observation.openScope();
				return scope::close;
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

}
