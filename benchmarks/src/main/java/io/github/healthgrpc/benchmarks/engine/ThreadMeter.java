package io.github.healthgrpc.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.sun.management.ThreadMXBean;
import io.github.healthgrpc.benchmarks.peer.ThreadCpu;

/**
 * Per-thread counters of this JVM, by thread id, and what they grew by between two
 * readings: a thread that started in between counts from zero, one that ended in between
 * is lost (the measurements keep their thread pools alive across the period).
 */
final class ThreadMeter {

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private ThreadMeter() {
	}

	/**
	 * The CPU time of every live thread whose name matches.
	 * @param name which threads
	 * @return nanoseconds by thread id
	 */
	static Map<Long, Long> cpu(Predicate<String> name) {
		return ThreadCpu.javaThreads(name);
	}

	/**
	 * The bytes every live thread has allocated so far.
	 * @return bytes by thread id
	 */
	static Map<Long, Long> allocated() {
		Map<Long, Long> allocated = new HashMap<>();
		long[] ids = THREADS.getAllThreadIds();
		long[] bytes = THREADS.getThreadAllocatedBytes(ids);
		for (int i = 0; i < ids.length; i++) {
			allocated.put(ids[i], Math.max(0, bytes[i]));
		}
		return allocated;
	}

	/**
	 * What the threads alive at the second reading added since the first.
	 * @param before the first reading
	 * @param after the second
	 * @return the sum of the differences
	 */
	static long growth(Map<Long, Long> before, Map<Long, Long> after) {
		long sum = 0;
		for (Map.Entry<Long, Long> thread : after.entrySet()) {
			sum += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
		}
		return sum;
	}

}
