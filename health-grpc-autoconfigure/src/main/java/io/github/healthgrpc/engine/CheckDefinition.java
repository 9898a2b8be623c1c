package io.github.healthgrpc.engine;

import java.util.function.Consumer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * A named check as the engine sees it: either polled on an interval, or pushed by the
 * application whenever it changes.
 *
 * @since 0.1.0
 */
public sealed interface CheckDefinition {

	/**
	 * The check's name, unique among all checks.
	 * @return the name
	 */
	String name();

	/**
	 * A check the engine evaluates on its interval, with its timeout.
	 *
	 * @param name the check's name
	 * @param function one evaluation
	 */
	record Polled(String name, CheckFunction function) implements CheckDefinition {

		/**
		 * Create a polled check.
		 * @param name the check's name
		 * @param function one evaluation
		 */
		public Polled {
			Assert.hasText(name, "Check name must not be empty");
		}

	}

	/**
	 * A check whose results the application pushes; the engine subscribes once.
	 *
	 * @param name the check's name
	 * @param subscription registers a callback that receives every new result
	 */
	record Pushed(String name, Consumer<Consumer<Health>> subscription) implements CheckDefinition {

		/**
		 * Create a pushed check.
		 * @param name the check's name
		 * @param subscription registers a callback that receives every new result
		 */
		public Pushed {
			Assert.hasText(name, "Check name must not be empty");
		}

	}

	/**
	 * A pushed check's subscription that its source can end: the engine ends it when the
	 * check is removed, so the source stops calling back a check that is gone.
	 */
	interface CancellableSubscription extends Consumer<Consumer<Health>> {

		/**
		 * Stop calling back the given subscriber.
		 * @param subscriber a callback this subscription was given
		 */
		void cancel(Consumer<Health> subscriber);

	}

}
