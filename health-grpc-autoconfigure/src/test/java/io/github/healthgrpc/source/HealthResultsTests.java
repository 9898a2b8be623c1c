package io.github.healthgrpc.source;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class HealthResultsTests {

	@Test
	void nullAndUnexpectedTypesAreDownWithTheReason() {
		assertThat(HealthResults.toHealth(null).getStatus()).isEqualTo(Status.DOWN);
		assertThat(HealthResults.toHealth(null).getDetails().get("error").toString()).contains("null");
		assertThat(HealthResults.toHealth(42).getDetails().get("error").toString()).contains("java.lang.Integer");
	}

	@Test
	void aStageIsConvertedWhenItCompletes() throws Exception {
		CompletableFuture<Object> future = new CompletableFuture<>();
		CompletableFuture<Health> health = HealthResults.toStage(future).toCompletableFuture();
		assertThat(health).isNotDone();
		future.complete(Status.UP);
		assertThat(health.get().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void cancellingTheConvertedStageCancelsTheStageTheCheckReturned() {
		CompletableFuture<Object> future = new CompletableFuture<>();
		CompletableFuture<Health> health = HealthResults.toStage(future).toCompletableFuture();
		assertThat(health.cancel(true)).isTrue();
		assertThat(future).isCancelled();
		assertThat(health).isCancelled();
	}

	@Test
	void aConvertedStageWhoseSourceCannotBeCancelledCompletesOnlyWithTheSource() throws Exception {
		CompletableFuture<Object> future = new CompletableFuture<>();
		CompletableFuture<Health> health = HealthResults.toStage(future.minimalCompletionStage()).toCompletableFuture();
		health.cancel(true);
		// Still outstanding: the engine must not start the check again while the call
		// runs.
		assertThat(health).isNotDone();
		future.complete(true);
		assertThat(health.get().getStatus()).isEqualTo(Status.UP);
	}

}
