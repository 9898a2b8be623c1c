package io.github.healthgrpc.engine;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.boot.health.contributor.Health;

/**
 * One pushed check: the callback its source pushes every new result to. Removing it
 * closes the callback: whatever the source pushes afterwards is dropped. A source that
 * can end a subscription ({@link CheckDefinition.CancellableSubscription}) is told to, so
 * that a check removed and added again does not leave one more callback behind each time.
 */
final class PushedCheck implements Consumer<Health> {

	private final CheckDefinition.Pushed check;

	private final BiConsumer<String, Health> recorder;

	private final Object lock = new Object();

	private boolean subscribed;

	private boolean removed;

	PushedCheck(CheckDefinition.Pushed check, BiConsumer<String, Health> recorder) {
		this.check = check;
		this.recorder = recorder;
	}

	/**
	 * Subscribe to the source, once.
	 */
	void subscribe() {
		if (!this.subscribed) {
			this.subscribed = true;
			this.check.subscription().accept(this);
		}
	}

	@Override
	public void accept(Health health) {
		// Recorded under the lock that remove() takes: once remove() returns, nothing
		// more reaches the store. A pushed value comes from application code: null
		// becomes DOWN, like a polled check that returns nothing.
		synchronized (this.lock) {
			if (!this.removed) {
				this.recorder.accept(this.check.name(), CheckOutcomes.of(health, null));
			}
		}
	}

	/**
	 * Whether this check subscribes to the given check's source.
	 * @param other the other check
	 * @return whether their subscriptions are equal
	 */
	boolean subscribesTo(CheckDefinition.Pushed other) {
		return this.check.subscription().equals(other.subscription());
	}

	/**
	 * Drop every result pushed from now on, and end the subscription if its source can.
	 */
	void remove() {
		synchronized (this.lock) {
			this.removed = true;
		}
		if (this.subscribed && this.check.subscription() instanceof CheckDefinition.CancellableSubscription source) {
			source.cancel(this);
		}
	}

}
