package io.github.healthgrpc.autoconfigure.metrics;

import io.github.healthgrpc.engine.CheckEvaluation;
import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.EvaluationOutcome;
import io.github.healthgrpc.metrics.CheckMeters;
import io.micrometer.core.instrument.Timer;

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
		Timer.Sample sample = this.meters.evaluationStarted();
		return (outcome, failure) -> {
			if (outcome != EvaluationOutcome.ABANDONED) {
				this.meters.evaluated(checkName, Outcomes.tag(outcome), sample);
			}
		};
	}

	@Override
	public void recorded(String checkName, Health health) {
		this.meters.recorded(checkName, health);
	}

	@Override
	public void removed(String checkName) {
		this.meters.removed(checkName);
	}

}
