package io.github.healthgrpc.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Tells the store's listeners about changes, off the writer's thread: each listener has a
 * {@link ListenerLane} of its own, so a slow or blocked listener holds up only itself.
 *
 * <p>
 * A lane runs on at most one thread at a time and ends its task when it has nothing left
 * to say, so the threads are at most one per listener; idle ones end after a few seconds.
 * They are daemon threads: a listener stuck forever cannot keep the JVM alive.
 */
final class ChangeDispatcher {

	private final ExecutorService executor;

	private final List<ListenerLane> lanes = new CopyOnWriteArrayList<>();

	ChangeDispatcher() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("health-grpc-listener-");
		threads.setDaemon(true);
		this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threads);
	}

	void add(StatusListener listener) {
		this.lanes.add(new ListenerLane(listener, this.executor));
	}

	void remove(StatusListener listener) {
		for (ListenerLane lane : this.lanes) {
			if (lane.listener() == listener) {
				lane.remove();
				this.lanes.remove(lane);
			}
		}
	}

	void changed(Map<String, ServingState> changes) {
		for (ListenerLane lane : this.lanes) {
			lane.changed(changes);
		}
	}

	void closed() {
		this.lanes.forEach(ListenerLane::closed);
	}

	// The listeners that have not heard every change noted so far within the timeout.
	List<StatusListener> behind(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		return this.lanes.stream().filter((lane) -> !awaitQuietly(lane, deadline)).map(ListenerLane::listener).toList();
	}

	private static boolean awaitQuietly(ListenerLane lane, long deadline) {
		try {
			return lane.awaitHeard(deadline);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
