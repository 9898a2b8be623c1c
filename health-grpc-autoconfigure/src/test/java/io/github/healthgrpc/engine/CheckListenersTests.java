package io.github.healthgrpc.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.healthgrpc.store.StatusStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.healthgrpc.engine.CheckRunnerTests.polled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the engine's listeners hear, through a real runner: one that throws at any step
 * never reaches the check or the others, and the scopes nest.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckListenersTests {

	private static final CheckSchedule FAST = new CheckSchedule(Duration.ofMillis(50), Duration.ofMillis(2000));

	private final StatusStore store = new StatusStore();

	private final CheckRunner runner = new CheckRunner(this.store, 2);

	private final List<String> heard = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.runner.close();
	}

	@Test
	void aListenerThatThrowsAtAnyStepReachesNeitherTheCheckNorTheOtherListenersAndIsLoggedOnce(CapturedOutput output) {
		this.runner.addListener(new Throwing());
		this.runner.addListener(new ThrowingEvaluations(true));
		this.runner.addListener(new ThrowingEvaluations(false));
		this.runner.addListener(new Recording("heard"));
		this.runner.start(List.of(polled("db", () -> Health.up().build())), (name) -> FAST);
		await().untilAsserted(() -> assertThat(this.heard).contains("heard recorded db UP"));
		assertThat(this.store.checkResult("db")).isEqualTo(Health.up().build());
		assertThat(this.runner.remove("db")).isTrue();
		assertThat(this.heard).containsSubsequence("heard added db", "heard started db", "heard opened", "heard closed",
				"heard ended UP", "heard recorded db UP");
		assertThat(this.heard).contains("heard removed db");
		assertThat(output.toString().split("A health check listener failed", -1)).hasSize(2);
	}

	@Test
	void scopesCloseInTheReverseOrderOfOpening() {
		this.runner.addListener(new Recording("first"));
		this.runner.addListener(new Recording("second"));
		this.runner.start(List.of(polled("db", () -> Health.up().build())), (name) -> FAST);
		await().untilAsserted(() -> assertThat(this.heard).contains("second ended UP"));
		List<String> heard = List.copyOf(this.heard);
		List<String> firstEvaluation = heard.subList(0, heard.indexOf("second ended UP") + 1);
		assertThat(firstEvaluation).containsExactly("first added db", "second added db", "first started db",
				"second started db", "first opened", "second opened", "second closed", "first closed", "first ended UP",
				"second ended UP");
	}

	// Throws from every call a listener takes.
	private static final class Throwing implements CheckListener {

		@Override
		public void added(String checkName) {
			throw new IllegalStateException("added");
		}

		@Override
		public CheckEvaluation evaluationStarted(String checkName) {
			throw new IllegalStateException("started");
		}

		@Override
		public void recorded(String checkName, Health health) {
			throw new IllegalStateException("recorded");
		}

		@Override
		public void removed(String checkName) {
			throw new IllegalStateException("removed");
		}

	}

	// Its evaluations throw as their scope opens, or as it closes, and as they end.
	private record ThrowingEvaluations(boolean onOpen) implements CheckListener {

		@Override
		public CheckEvaluation evaluationStarted(String checkName) {
			return new ThrowingEvaluation(this.onOpen);
		}

	}

	private record ThrowingEvaluation(boolean onOpen) implements CheckEvaluation {

		@Override
		public Scope openScope() {
			if (this.onOpen) {
				throw new IllegalStateException("open");
			}
			return () -> {
				throw new IllegalStateException("close");
			};
		}

		@Override
		public void ended(EvaluationOutcome outcome, @Nullable Throwable failure) {
			throw new LinkageError("ended");
		}

	}

	private final class Recording implements CheckListener {

		private final String name;

		Recording(String name) {
			this.name = name;
		}

		@Override
		public void added(String checkName) {
			CheckListenersTests.this.heard.add(this.name + " added " + checkName);
		}

		@Override
		public CheckEvaluation evaluationStarted(String checkName) {
			CheckListenersTests.this.heard.add(this.name + " started " + checkName);
			return new CheckEvaluation() {

				@Override
				public Scope openScope() {
					CheckListenersTests.this.heard.add(Recording.this.name + " opened");
					return () -> CheckListenersTests.this.heard.add(Recording.this.name + " closed");
				}

				@Override
				public void ended(EvaluationOutcome outcome, @Nullable Throwable failure) {
					CheckListenersTests.this.heard.add(Recording.this.name + " ended " + outcome);
				}

			};
		}

		@Override
		public void recorded(String checkName, Health health) {
			CheckListenersTests.this.heard.add(this.name + " recorded " + checkName + " " + health.getStatus());
		}

		@Override
		public void removed(String checkName) {
			CheckListenersTests.this.heard.add(this.name + " removed " + checkName);
		}

	}

}
