package io.github.healthgrpc.engine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Turns how an evaluation ended into the {@link Health} the store records: a failure, a
 * timeout or a missing result all become DOWN, with the reason in the details.
 */
final class CheckOutcomes {

	private CheckOutcomes() {
	}

	static Health of(@Nullable Health health, @Nullable Throwable failure) {
		if (failure != null) {
			Throwable cause = unwrap(failure);
			return failed((cause != null) ? cause : failure);
		}
		if (health == null) {
			return Health.down().withDetail("error", "The check returned no result (null)").build();
		}
		return health;
	}

	/**
	 * The result of a check added again while the evaluation of the one removed under its
	 * name has not returned: it does not start until then, so that a check removed and
	 * added again never holds a second thread.
	 */
	static Health stillStuck() {
		return Health.down()
			.withDetail("error",
					"The check is still stuck in its previous evaluation, which did not return when "
							+ "the check was removed: it starts again once that evaluation returns")
			.build();
	}

	/**
	 * How an evaluation that settled with this answer or failure ended, as a listener
	 * hears it.
	 */
	static EvaluationOutcome outcome(@Nullable Health health, @Nullable Throwable failure) {
		if (unwrap(failure) instanceof CheckTimeoutException) {
			return EvaluationOutcome.TIMEOUT;
		}
		if (failure != null || health == null) {
			return EvaluationOutcome.ERROR;
		}
		return Status.UP.equals(health.getStatus()) ? EvaluationOutcome.UP : EvaluationOutcome.DOWN;
	}

	private static Health missedDeadline(CheckTimeoutException missed) {
		String error = missed.isStarted()
				? "The check did not answer within its timeout of " + missed.getDeadline().toMillis() + "ms"
				: "The check could not start within its interval of " + missed.getDeadline().toMillis()
						+ "ms: every worker thread was busy (raise grpc.health.scheduler.pool-size or fix "
						+ "checks that hang)";
		return Health.down().withDetail("error", error).build();
	}

	private static Health failed(Throwable failure) {
		if (failure instanceof CheckTimeoutException missed) {
			return missedDeadline(missed);
		}
		return Health.down().withDetail("error", describe(failure)).build();
	}

	/**
	 * A result in place of one that could not be recorded: the check counts as DOWN until
	 * a result of it records.
	 */
	static Health notRecorded(Throwable failure) {
		return Health.down().withDetail("error", "Its result could not be recorded: " + describe(failure)).build();
	}

	// As Health.down(failure) words it, but a failure whose message throws (application
	// code overrides getMessage()) must not make the result impossible to build.
	static String describe(Throwable failure) {
		String message;
		try {
			message = failure.getMessage();
		}
		catch (Throwable ex) {
			message = "(its message could not be read: " + ex.getClass().getName() + ")";
		}
		return failure.getClass().getName() + ": " + message;
	}

	static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
