package io.github.healthgrpc.benchmarks.peer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

/**
 * The CPU time of a peer's process split by thread group: the threads that serve requests
 * (grpc-java's event loops and executor), the JIT compiler's, the garbage collector's,
 * and the rest. Request threads are Java threads, read from {@link ThreadMXBean};
 * compiler and GC threads are hidden from it, so they are read from
 * {@code /proc/self/task/<tid>/stat} by their name ({@code comm}, which Linux cuts to 15
 * characters). The rest is the process's CPU time less the three groups; it also holds
 * the time of threads that have ended.
 */
public final class ThreadCpu {

	// Linux reports utime and stime in clock ticks of USER_HZ, 100 per second on every
	// architecture's user ABI.
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ThreadCpu() {
	}

	/**
	 * The groups.
	 */
	public enum Group {

		/** grpc-java's event loops and executor threads. */
		REQUEST,

		/** The JIT compiler's threads. */
		JIT,

		/** The garbage collector's threads. */
		GC,

		/** Every other thread. */
		OTHER

	}

	/**
	 * The group of a thread by its name, whole (from {@link ThreadMXBean}) or cut to 15
	 * characters (from {@code /proc}).
	 * @param name the thread's name
	 * @return its group
	 */
	public static Group group(String name) {
		if (name.contains("CompilerThre") || name.startsWith("JVMCI")) {
			return Group.JIT;
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
			return Group.GC;
		}
		// grpc-default-executor-N, grpc-default-worker-ELG-..., grpc-nio-worker-ELG-...,
		// and Netty's own names where a server brings its event loops.
		if (name.startsWith("grpc-") || name.contains("ELG-") || name.contains("EventLoop")
				|| name.contains("eventLoop")) {
			return Group.REQUEST;
		}
		return Group.OTHER;
	}

	/**
	 * A thread's name from one line of {@code /proc/<pid>/task/<tid>/stat}.
	 * @param statLine the line
	 * @return the name between the parentheses, which may itself hold spaces or
	 * parentheses
	 */
	public static String name(String statLine) {
		return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
	}

	/**
	 * A thread's CPU time (user and system) from one line of
	 * {@code /proc/<pid>/task/<tid>/stat}.
	 * @param statLine the line
	 * @return nanoseconds
	 */
	public static long cpuNanos(String statLine) {
		// After the name: state is field 3, utime field 14 and stime field 15.
		String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
	}

	/**
	 * This process's CPU time by group, now.
	 * @return the sample
	 */
	public static Sample sample() {
		Map<Group, Long> byGroup = new HashMap<>();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] ids = threads.getAllThreadIds();
		ThreadInfo[] infos = threads.getThreadInfo(ids);
		for (int i = 0; i < ids.length; i++) {
			long cpu = threads.getThreadCpuTime(ids[i]);
			if (infos[i] != null && cpu > 0 && group(infos[i].getThreadName()) == Group.REQUEST) {
				byGroup.merge(Group.REQUEST, cpu, Long::sum);
			}
		}
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				String line = readStat(task);
				if (line != null) {
					Group group = group(name(line));
					// Java threads are counted from the MXBean above, at a finer grain.
					if (group == Group.JIT || group == Group.GC) {
						byGroup.merge(group, cpuNanos(line), Long::sum);
					}
				}
			}
		}
		catch (IOException ex) {
			// No /proc (not Linux): the compiler and GC threads stay in the rest.
		}
		long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		return new Sample(byGroup.getOrDefault(Group.REQUEST, 0L), byGroup.getOrDefault(Group.JIT, 0L),
				byGroup.getOrDefault(Group.GC, 0L), process,
				ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
	}

	private static @Nullable String readStat(Path task) {
		try {
			return Files.readString(task.resolve("stat")).strip();
		}
		catch (IOException ex) {
			// The thread ended between the listing and the read.
			return null;
		}
	}

	/**
	 * CPU time by group, cumulative since the process started (or, from {@link #minus},
	 * over a period).
	 *
	 * @param requestNanos request threads
	 * @param jitNanos JIT compiler threads
	 * @param gcNanos GC threads
	 * @param processNanos the whole process
	 * @param compileMillis the JIT's total compilation time, as the JVM counts it
	 */
	public record Sample(long requestNanos, long jitNanos, long gcNanos, long processNanos, long compileMillis) {

		/**
		 * The process's time outside the three groups.
		 * @return nanoseconds
		 */
		public long otherNanos() {
			return this.processNanos - this.requestNanos - this.jitNanos - this.gcNanos;
		}

		/**
		 * The time spent between an earlier sample and this one.
		 * @param earlier the earlier sample
		 * @return the difference
		 */
		public Sample minus(Sample earlier) {
			return new Sample(this.requestNanos - earlier.requestNanos, this.jitNanos - earlier.jitNanos,
					this.gcNanos - earlier.gcNanos, this.processNanos - earlier.processNanos,
					this.compileMillis - earlier.compileMillis);
		}

		/**
		 * The sample as the control line carries it.
		 * @return five numbers separated by spaces
		 */
		public String encode() {
			return String.format(Locale.ROOT, "%d %d %d %d %d", this.requestNanos, this.jitNanos, this.gcNanos,
					this.processNanos, this.compileMillis);
		}

		/**
		 * A sample from what {@link #encode()} wrote.
		 * @param encoded five numbers separated by spaces
		 * @return the sample
		 */
		public static Sample decode(String encoded) {
			String[] values = encoded.strip().split(" ");
			return new Sample(Long.parseLong(values[0]), Long.parseLong(values[1]), Long.parseLong(values[2]),
					Long.parseLong(values[3]), Long.parseLong(values[4]));
		}

	}

}
