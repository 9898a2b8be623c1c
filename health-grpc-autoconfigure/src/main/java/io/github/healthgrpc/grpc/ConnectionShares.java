package io.github.healthgrpc.grpc;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The open Watch calls of each client connection, oldest first, and the connections by
 * how many they hold, so that the heaviest connection and its oldest call are found in
 * O(log n) however many connections there are: a flood of Watch calls makes the server
 * look them up once for every call it admits.
 *
 * <p>
 * Not thread-safe: {@link Watchers} calls it with its lock held.
 */
final class ConnectionShares {

	// Calls whose transport does not tell their connection share one key.
	private static final Object UNKNOWN = new Object();

	private final Map<Object, LinkedHashSet<WatchStream>> byConnection = new HashMap<>();

	// Connections by the number of calls they hold, in the order they reached it.
	private final TreeMap<Integer, LinkedHashSet<Object>> byCount = new TreeMap<>();

	/**
	 * The number of open calls on a connection.
	 * @param connection the connection, {@code null} if unknown
	 * @return how many
	 */
	int held(@Nullable Object connection) {
		LinkedHashSet<WatchStream> streams = this.byConnection.get(key(connection));
		return (streams != null) ? streams.size() : 0;
	}

	/**
	 * The call that gives way to a new call on a connection when the budget is full: the
	 * oldest call of the connection that holds the most, if that connection holds at
	 * least two more than the newcomer's. Moving one call from the heaviest connection to
	 * the newcomer's then never makes the newcomer's the heaviest, so calls do not flip
	 * back and forth, and a connection holding one call never gives way unless every
	 * connection holds one.
	 * @param connection the connection of the new call, {@code null} if unknown
	 * @return the call that gives way, or {@code null} if none should
	 */
	@Nullable WatchStream evictable(@Nullable Object connection) {
		Map.Entry<Integer, LinkedHashSet<Object>> heaviest = this.byCount.lastEntry();
		if (heaviest == null || held(connection) + 1 >= heaviest.getKey()) {
			return null;
		}
		LinkedHashSet<WatchStream> streams = this.byConnection.get(heaviest.getValue().iterator().next());
		Assert.state(streams != null, "A connection counted by its calls holds calls");
		return streams.iterator().next();
	}

	/**
	 * The number of calls the heaviest connection holds.
	 * @return how many, 0 if none is open
	 */
	int heaviest() {
		return this.byCount.isEmpty() ? 0 : this.byCount.lastKey();
	}

	void add(WatchStream stream) {
		Object key = key(stream.connection());
		LinkedHashSet<WatchStream> streams = this.byConnection.computeIfAbsent(key, (newKey) -> new LinkedHashSet<>());
		moveFrom(streams.size(), key);
		streams.add(stream);
		moveTo(streams.size(), key);
	}

	void remove(WatchStream stream) {
		Object key = key(stream.connection());
		LinkedHashSet<WatchStream> streams = this.byConnection.get(key);
		if (streams == null || !streams.contains(stream)) {
			return;
		}
		moveFrom(streams.size(), key);
		streams.remove(stream);
		if (streams.isEmpty()) {
			this.byConnection.remove(key);
		}
		else {
			moveTo(streams.size(), key);
		}
	}

	void clear() {
		this.byConnection.clear();
		this.byCount.clear();
	}

	private void moveFrom(int count, Object key) {
		if (count == 0) {
			return;
		}
		LinkedHashSet<Object> keys = this.byCount.get(count);
		Assert.state(keys != null, "A connection holding calls is counted");
		keys.remove(key);
		if (keys.isEmpty()) {
			this.byCount.remove(count);
		}
	}

	private void moveTo(int count, Object key) {
		this.byCount.computeIfAbsent(count, (newCount) -> new LinkedHashSet<>()).add(key);
	}

	private static Object key(@Nullable Object connection) {
		return (connection != null) ? connection : UNKNOWN;
	}

}
