package io.github.healthgrpc.engine;

import java.util.concurrent.CountDownLatch;

import org.springframework.boot.health.contributor.Health;

/**
 * A check body that hangs like a call stuck in native code: interrupts do not end it,
 * only {@link #release()} does.
 */
public final class UninterruptibleHang {

	private final CountDownLatch release = new CountDownLatch(1);

	/**
	 * Hang until released, whatever interrupts the thread.
	 * @return UP, once released
	 */
	public Health hang() {
		boolean released = false;
		while (!released) {
			try {
				this.release.await();
				released = true;
			}
			catch (InterruptedException ex) {
				// Ignored on purpose: this is what a hanging check does.
			}
		}
		return Health.up().build();
	}

	/**
	 * End every hang, now and later.
	 */
	public void release() {
		this.release.countDown();
	}

}
