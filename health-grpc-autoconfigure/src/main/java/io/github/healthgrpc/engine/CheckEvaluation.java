package io.github.healthgrpc.engine;

import org.jspecify.annotations.Nullable;

/**
 * One evaluation of a polled check, as a {@link CheckListener} follows it from its start
 * to its {@link #ended end}, which is heard exactly once.
 *
 * @since 0.1.0
 */
public interface CheckEvaluation {

	/**
	 * An evaluation that nobody follows.
	 */
	CheckEvaluation NONE = (outcome, failure) -> {
	};

	/**
	 * Make this evaluation current on the worker thread while the check's function runs
	 * there (so that what the check calls can see it, as a tracing span's parent), until
	 * the returned scope is closed on the same thread.
	 * @return the scope to close once the function has returned
	 */
	default Scope openScope() {
		return () -> {
		};
	}

	/**
	 * The evaluation's outcome is settled: it answered, failed, missed its timeout, or
	 * was abandoned. Called once, on the thread that settled it.
	 * @param outcome how it ended
	 * @param failure what the check threw (or its answer completed with), for
	 * {@link EvaluationOutcome#ERROR}; {@code null} otherwise
	 */
	void ended(EvaluationOutcome outcome, @Nullable Throwable failure);

	/**
	 * What {@link #openScope()} opened.
	 */
	interface Scope extends AutoCloseable {

		/**
		 * Leave the scope, on the thread that opened it.
		 */
		@Override
		void close();

	}

}
