package io.github.healthgrpc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

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

	// Plain loops rather than a lambda for each call: these run for every check and
	// evaluation, from the first one at startup.

	@Override
	public CheckEvaluation evaluationStarted(String checkName) {
		if (this.listeners.isEmpty()) {
			return CheckEvaluation.NONE;
		}
		List<CheckEvaluation> evaluations = new ArrayList<>();
		for (CheckListener listener : this.listeners) {
			CheckEvaluation evaluation = null;
			try {
				evaluation = listener.evaluationStarted(checkName);
			}
			catch (RuntimeException | LinkageError ex) {
				failed(ex);
			}
			evaluations.add((evaluation != null) ? evaluation : CheckEvaluation.NONE);
		}
		return new Evaluations(evaluations);
	}

	@Override
	public void added(String checkName) {
		for (CheckListener listener : this.listeners) {
			try {
				listener.added(checkName);
			}
			catch (RuntimeException | LinkageError ex) {
				failed(ex);
			}
		}
	}

	@Override
	public void recorded(String checkName, Health health) {
		for (CheckListener listener : this.listeners) {
			try {
				listener.recorded(checkName, health);
			}
			catch (RuntimeException | LinkageError ex) {
				failed(ex);
			}
		}
	}

	@Override
	public void removed(String checkName) {
		for (CheckListener listener : this.listeners) {
			try {
				listener.removed(checkName);
			}
			catch (RuntimeException | LinkageError ex) {
				failed(ex);
			}
		}
	}

	private void failed(Throwable ex) {
		if (this.failureLogged.compareAndSet(false, true)) {
			logger.warn("A health check listener failed; later failures are not logged", ex);
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
			for (CheckEvaluation evaluation : this.evaluations) {
				try {
					Scope scope = evaluation.openScope();
					if (scope != null) {
						scopes.add(scope);
					}
				}
				catch (RuntimeException | LinkageError ex) {
					failed(ex);
				}
			}
			return () -> close(scopes);
		}

		// Scopes nest: the last opened is closed first.
		private void close(List<Scope> scopes) {
			for (int i = scopes.size() - 1; i >= 0; i--) {
				try {
					scopes.get(i).close();
				}
				catch (RuntimeException | LinkageError ex) {
					failed(ex);
				}
			}
		}

		@Override
		public void ended(EvaluationOutcome outcome, @Nullable Throwable failure) {
			for (CheckEvaluation evaluation : this.evaluations) {
				try {
					evaluation.ended(outcome, failure);
				}
				catch (RuntimeException | LinkageError ex) {
					failed(ex);
				}
			}
		}

	}

}
