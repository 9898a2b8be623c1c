package io.github.healthgrpc.autoconfigure.metrics;

import java.util.Locale;

import io.github.healthgrpc.engine.EvaluationOutcome;

/**
 * The {@code outcome} tag of an evaluation: the check's answer as Spring Boot's status
 * code ({@code UP}, {@code DOWN}), or what kept it from answering, in lower case like
 * Micrometer's own outcome values ({@code timeout}, {@code error}, {@code abandoned}).
 */
final class Outcomes {

	private Outcomes() {
	}

	// Not a switch: one on an enum costs a class of its own, and every outcome other than
	// the check's answer is tagged by its name in lower case.
	static String tag(EvaluationOutcome outcome) {
		return (outcome == EvaluationOutcome.UP || outcome == EvaluationOutcome.DOWN) ? outcome.name()
				: outcome.name().toLowerCase(Locale.ROOT);
	}

}
