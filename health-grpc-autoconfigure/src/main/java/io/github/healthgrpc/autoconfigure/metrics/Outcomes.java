package io.github.healthgrpc.autoconfigure.metrics;

import io.github.healthgrpc.engine.EvaluationOutcome;

/**
 * The {@code outcome} tag of an evaluation: the check's answer as Spring Boot's status
 * code ({@code UP}, {@code DOWN}), or what kept it from answering, in lower case like
 * Micrometer's own outcome values ({@code timeout}, {@code error}, {@code abandoned}).
 */
final class Outcomes {

	private Outcomes() {
	}

	static String tag(EvaluationOutcome outcome) {
		return switch (outcome) {
			case UP, DOWN -> outcome.name();
			case TIMEOUT -> "timeout";
			case ERROR -> "error";
			case ABANDONED -> "abandoned";
		};
	}

}
