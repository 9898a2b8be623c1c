package io.github.healthgrpc.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * Every {@link CheckListener} of a runner, as one: a listener that throws is logged once
 * and never reaches the check or the other listeners.
 */
final class CheckListeners implements CheckListener {

	private static final Log logger = LogFactory.getLog(CheckRunner.class);

	private final List<CheckListener> listeners = new CopyOnWriteArrayList<>();

	private final AtomicBoolean failureLogged = new AtomicBoolean();

	void add(CheckListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public CheckEvaluation evaluationStarted(String checkName) {
		if (this.listeners.isEmpty()) {
			return CheckEvaluation.NONE;
		}
		List<CheckEvaluation> evaluations = new ArrayList<>();
		this.listeners.forEach((listener) -> {
			CheckEvaluation evaluation = get(() -> listener.evaluationStarted(checkName));
			evaluations.add((evaluation != null) ? evaluation : CheckEvaluation.NONE);
		});
		return new Evaluations(evaluations);
	}

	@Override
	public void added(String checkName) {
		this.listeners.forEach((listener) -> run(() -> listener.added(checkName)));
	}

	@Override
	public void recorded(String checkName, Health health) {
		this.listeners.forEach((listener) -> run(() -> listener.recorded(checkName, health)));
	}

	@Override
	public void removed(String checkName) {
		this.listeners.forEach((listener) -> run(() -> listener.removed(checkName)));
	}

	private void run(Runnable call) {
		get(() -> {
			call.run();
			return null;
		});
	}

	private <T> @Nullable T get(Supplier<@Nullable T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException | LinkageError ex) {
			if (this.failureLogged.compareAndSet(false, true)) {
				logger.warn("A health check listener failed; later failures are not logged", ex);
			}
			return null;
		}
	}

	private final class Evaluations implements CheckEvaluation {

		private final List<CheckEvaluation> evaluations;

		Evaluations(List<CheckEvaluation> evaluations) {
			this.evaluations = evaluations;
		}

		@Override
		public Scope openScope() {
			List<Scope> scopes = new ArrayList<>();
			this.evaluations.forEach((evaluation) -> {
				Scope scope = get(evaluation::openScope);
				if (scope != null) {
					scopes.add(scope);
				}
			});
			// Scopes nest: the last opened is closed first.
			Collections.reverse(scopes);
			return () -> scopes.forEach((scope) -> run(scope::close));
		}

		@Override
		public void ended(EvaluationOutcome outcome, @Nullable Throwable failure) {
			this.evaluations.forEach((evaluation) -> run(() -> evaluation.ended(outcome, failure)));
		}

	}

}
