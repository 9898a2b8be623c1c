package io.github.healthgrpc.autoconfigure.metrics;

import io.github.healthgrpc.engine.CheckEvaluation;
import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.EvaluationOutcome;
import io.github.healthgrpc.metrics.CheckMeters;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * Tells the {@link CheckMeters} what the engine does, so that the meters need not know
 * the engine. An abandoned evaluation (its check removed, or the engine closed, while it
 * ran) is not timed: it says nothing about the check.
 */
class CheckMetersListener implements CheckListener {

	private final CheckMeters meters;

	CheckMetersListener(CheckMeters meters) {
		this.meters = meters;
	}

	@Override
	public void added(String checkName) {
		this.meters.added(checkName);
	}

	@Override
	public CheckEvaluation evaluationStarted(String checkName) {
		return new TimedEvaluation(checkName, this.meters.evaluationStarted());
	}

	@Override
	public void recorded(String checkName, Health health) {
		this.meters.recorded(checkName, health);
	}

	@Override
	public void removed(String checkName) {
		this.meters.removed(checkName);
	}

	// A class, not a lambda: evaluations start on several worker threads at once, and
	// every thread that links a lambda's call site at the same time spins a class of its
	// own.
	private final class TimedEvaluation implements CheckEvaluation {

		private final String checkName;

		private final Timer.@Nullable Sample sample;

		TimedEvaluation(String checkName, Timer.@Nullable Sample sample) {
			this.checkName = checkName;
			this.sample = sample;
		}

		@Override
		public void ended(EvaluationOutcome outcome, @Nullable Throwable failure) {
			if (outcome != EvaluationOutcome.ABANDONED) {
				CheckMetersListener.this.meters.evaluated(this.checkName, Outcomes.tag(outcome), this.sample);
			}
		}

	}

}
