package io.github.healthgrpc.engine;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The worker threads that evaluate checks: a fixed number of them, plus a replacement for
 * each thread written off because its check did not return at its timeout.
 *
 * <p>
 * A check stuck in code that ignores interrupts (a socket read or a JDBC call without a
 * timeout) keeps its thread until it returns, and nothing can take it back. Instead of
 * letting it shrink the pool, the thread is written off: the pool grows by one while the
 * thread is stuck and shrinks again when it returns, so the other checks always have
 * {@code size} threads. A stuck check is never started again while it is stuck, nor is a
 * check added again under the name of a removed one whose evaluation is stuck, so the
 * pool never holds more than {@code size} plus one thread per check name with a stuck
 * evaluation. Resizing the JDK's pool does this; no thread is managed by hand.
 */
final class WorkerPool {

	private final int size;

	private final ThreadPoolExecutor executor;

	private final LongAdder everWrittenOff = new LongAdder();

	private int writtenOff;

	WorkerPool(int size, ThreadFactory threads) {
		this.size = size;
		this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				threads);
	}

	void execute(Runnable task) {
		this.executor.execute(task);
	}

	/**
	 * Stop counting a stuck thread against the pool: the pool may start a replacement.
	 */
	synchronized void writeOff() {
		this.writtenOff++;
		this.everWrittenOff.increment();
		// The maximum first: the core size may never exceed it.
		this.executor.setMaximumPoolSize(this.size + this.writtenOff);
		this.executor.setCorePoolSize(this.size + this.writtenOff);
	}

	/**
	 * Count a written-off thread again, on that thread once its check returned: the pool
	 * shrinks, and one thread, usually this one, ends instead of taking the next task.
	 */
	synchronized void rejoin() {
		this.writtenOff--;
		this.executor.setCorePoolSize(this.size + this.writtenOff);
		this.executor.setMaximumPoolSize(this.size + this.writtenOff);
	}

	int queued() {
		return this.executor.getQueue().size();
	}

	long everWrittenOff() {
		return this.everWrittenOff.sum();
	}

	void shutdownNow() {
		this.executor.shutdownNow();
	}

}
