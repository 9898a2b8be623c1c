package io.github.healthgrpc.engine;

import java.util.concurrent.CompletionStage;

import org.springframework.boot.health.contributor.Health;

/**
 * One evaluation of a polled check. It may block (the engine runs it on a thread of its
 * own) or return a stage that completes later; throwing means DOWN.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CheckFunction {

	/**
	 * Evaluate the check once.
	 * @return the result, now or later
	 * @throws Exception if the check fails
	 */
	CompletionStage<Health> evaluate() throws Exception;

}
