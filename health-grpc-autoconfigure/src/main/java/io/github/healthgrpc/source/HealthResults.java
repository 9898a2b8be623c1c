package io.github.healthgrpc.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Converts what a {@code @HealthCheck} method returns into a {@link Health}.
 */
final class HealthResults {

	private HealthResults() {
	}

	static boolean isSupported(Class<?> returnType) {
		return returnType == boolean.class || returnType == Boolean.class || Health.class.isAssignableFrom(returnType)
				|| Status.class.isAssignableFrom(returnType) || CompletionStage.class.isAssignableFrom(returnType);
	}

	static CompletionStage<Health> toStage(@Nullable Object value) {
		if (value instanceof CompletionStage<?> stage) {
			return new ConvertedAnswer(stage);
		}
		return CompletableFuture.completedFuture(toHealth(value));
	}

	static Health toHealth(@Nullable Object value) {
		if (value instanceof Health health) {
			return health;
		}
		if (value instanceof Status status) {
			return Health.status(status).build();
		}
		if (value instanceof Boolean up) {
			return up ? Health.up().build() : Health.down().build();
		}
		String found = (value != null) ? value.getClass().getName() : "null";
		return Health.down()
			.withDetail("error", "Expected boolean, Health or Status but the check returned " + found)
			.build();
	}

}
