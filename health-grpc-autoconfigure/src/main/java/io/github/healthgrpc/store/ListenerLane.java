package io.github.healthgrpc.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What one listener has yet to hear, and the task that tells it. Writers only note the
 * latest status of each changed service and make sure the task is scheduled; the task
 * runs on the dispatcher's executor, one at a time per listener, and delivers the latest
 * status of each service in the order the services changed, then says that these changes
 * were all, then the close if it came.
 *
 * <p>
 * Written by hand because the coalescing is the point: an executor that ran one task per
 * change would hold a backlog for a slow listener and could hand it an older status after
 * a newer one.
 */
final class ListenerLane implements Runnable {

	private static final Log logger = LogFactory.getLog(ListenerLane.class);

	private final StatusListener listener;

	private final Executor executor;

	// Guarded by this.
	private Map<String, ServingState> pending = new LinkedHashMap<>();

	private boolean closePending;

	private boolean scheduled;

	private boolean removed;

	private long noted;

	private long heard;

	// Only the delivering task touches these; one task runs at a time.
	private final Map<String, ServingState> lastHeard = new HashMap<>();

	private boolean failedBefore;

	ListenerLane(StatusListener listener, Executor executor) {
		this.listener = listener;
		this.executor = executor;
	}

	StatusListener listener() {
		return this.listener;
	}

	// The changes of one publication, noted at once so that the task never takes a part.
	synchronized void changed(Map<String, ServingState> changes) {
		this.pending.putAll(changes);
		note();
	}

	synchronized void closed() {
		this.closePending = true;
		note();
	}

	synchronized void remove() {
		this.removed = true;
		this.pending.clear();
		this.closePending = false;
		this.heard = this.noted;
		notifyAll();
	}

	/**
	 * Wait until the listener has heard every change noted so far.
	 * @param deadline the {@link System#nanoTime()} to give up at
	 * @return whether it has heard them
	 */
	synchronized boolean awaitHeard(long deadline) throws InterruptedException {
		long target = this.noted;
		while (this.heard < target) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return true;
	}

	@Override
	public void run() {
		while (true) {
			Map<String, ServingState> changes;
			boolean close;
			long upTo;
			synchronized (this) {
				if (this.removed || (this.pending.isEmpty() && !this.closePending)) {
					this.scheduled = false;
					return;
				}
				changes = this.pending;
				this.pending = new LinkedHashMap<>();
				close = this.closePending;
				this.closePending = false;
				upTo = this.noted;
			}
			for (Map.Entry<String, ServingState> change : changes.entrySet()) {
				tell(change.getKey(), change.getValue());
			}
			try {
				this.listener.changesHeard();
			}
			catch (Throwable ex) {
				failed(ex);
			}
			if (close) {
				try {
					this.listener.storeClosed();
				}
				catch (Throwable ex) {
					failed(ex);
				}
			}
			synchronized (this) {
				this.heard = Math.max(this.heard, upTo);
				notifyAll();
			}
		}
	}

	@Override
	public String toString() {
		return "ListenerLane for " + this.listener;
	}

	// Called with the lock held.
	private void note() {
		if (this.removed) {
			return;
		}
		this.noted++;
		if (!this.scheduled) {
			this.scheduled = true;
			this.executor.execute(this);
		}
	}

	private void tell(String service, ServingState status) {
		// Two changes that cancel out while the listener was busy are no change to it.
		if (this.lastHeard.put(service, status) != status) {
			try {
				this.listener.servingStatusChanged(service, status);
			}
			catch (Throwable ex) {
				failed(ex);
			}
		}
	}

	// A listener that throws, even an Error, must neither stop this task (the listener
	// would hear nothing again) nor fill the log: its first failure is logged in full.
	// Each call catches on its own rather than through a helper taking a lambda: the
	// task runs from the first status on, at startup.
	private void failed(Throwable ex) {
		if (!this.failedBefore) {
			this.failedBefore = true;
			logger.warn("Status listener " + this.listener + " failed; it keeps hearing changes, and its "
					+ "further failures are logged at DEBUG", ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Status listener " + this.listener + " failed again", ex);
		}
	}

}
