package io.github.healthgrpc.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.boot.health.contributor.Health;

/**
 * The {@link Health} of an asynchronous {@code @HealthCheck} answer, whose cancellation
 * reaches the stage the check returned, so that cancelling an overdue answer aborts the
 * call behind it (an HTTP client's future, a {@code Mono}'s subscription).
 *
 * <p>
 * {@code thenApply} alone would not do: cancelling the stage it makes leaves the source
 * running. And this future completes only when the source does, cancelled or not, so that
 * an answer whose source cannot be cancelled keeps its check busy until it completes, and
 * the check never has two answers outstanding.
 */
final class ConvertedAnswer extends CompletableFuture<Health> {

	private final CompletionStage<?> source;

	ConvertedAnswer(CompletionStage<?> source) {
		this.source = source;
		source.whenComplete((value, failure) -> {
			if (failure != null) {
				completeExceptionally(failure);
			}
			else {
				complete(HealthResults.toHealth(value));
			}
		});
	}

	/**
	 * Cancel the source; this future completes as the source does.
	 * @param mayInterruptIfRunning passed on to the source
	 * @return whether the source is cancelled
	 */
	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		try {
			return this.source.toCompletableFuture().cancel(mayInterruptIfRunning);
		}
		catch (UnsupportedOperationException ex) {
			return false;
		}
	}

}
