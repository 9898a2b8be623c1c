package io.github.healthgrpc.engine;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.boot.health.contributor.Health;

/**
 * One pushed check: the callback its source pushes every new result to. A pushed check
 * cannot be unsubscribed from its source (a subscription is a plain callback), so removing
 * it closes the callback instead: whatever the source pushes afterwards is dropped.
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
		// Recorded under the lock that remove() takes: once remove() returns, nothing more
		// reaches the store. A pushed value comes from application code: null becomes DOWN,
		// like a polled check that returns nothing.
		synchronized (this.lock) {
			if (!this.removed) {
				this.recorder.accept(this.check.name(), CheckOutcomes.of(health, null));
			}
		}
	}

	/**
	 * Drop every result pushed from now on.
	 */
	void remove() {
		synchronized (this.lock) {
			this.removed = true;
		}
	}

}
