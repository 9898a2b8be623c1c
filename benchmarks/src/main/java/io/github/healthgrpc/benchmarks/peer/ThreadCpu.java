package io.github.healthgrpc.benchmarks.peer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

/**
 * The CPU time of a peer's process split by thread group: the threads that serve requests
 * (grpc-java's event loops and executor), the JIT compiler's, the garbage collector's,
 * and the rest. Request threads are Java threads, read from {@link ThreadMXBean};
 * compiler and GC threads are hidden from it, so they are read from
 * {@code /proc/self/task/<tid>/stat} by their name ({@code comm}, which Linux cuts to 15
 * characters). Each is kept by thread, so that a period counts what each thread alive at
 * its end spent in it. The rest is the process's CPU time less the three groups; it also
 * holds the time of threads that ended during the period.
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
		Map<Group, Map<Long, Long>> byGroup = new EnumMap<>(Group.class);
		byGroup.put(Group.REQUEST, javaThreads((name) -> group(name) == Group.REQUEST));
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				String line = readStat(task);
				if (line != null) {
					Group group = group(name(line));
					// Java threads are counted from the MXBean above, at a finer grain.
					if (group == Group.JIT || group == Group.GC) {
						byGroup.computeIfAbsent(group, (g) -> new HashMap<>())
							.put(Long.parseLong(task.getFileName().toString()), cpuNanos(line));
					}
				}
			}
		}
		catch (IOException ex) {
			// No /proc (not Linux): the compiler and GC threads stay in the rest.
		}
		long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		return new Sample(byGroup, process, ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
	}

	/**
	 * The CPU time of this JVM's live Java threads whose name matches.
	 * @param name which threads
	 * @return nanoseconds by thread id
	 */
	public static Map<Long, Long> javaThreads(Predicate<String> name) {
		Map<Long, Long> cpu = new HashMap<>();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] ids = threads.getAllThreadIds();
		ThreadInfo[] infos = threads.getThreadInfo(ids);
		for (int i = 0; i < ids.length; i++) {
			if (infos[i] != null && name.test(infos[i].getThreadName())) {
				cpu.put(ids[i], Math.max(0, threads.getThreadCpuTime(ids[i])));
			}
		}
		return cpu;
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
	 * CPU time by group and thread, cumulative since each thread started (or, from
	 * {@link #minus}, over a period).
	 *
	 * @param threads by group (request, JIT, GC), each thread's CPU time in nanoseconds
	 * by its id (Java's thread id for request threads, Linux's for the others)
	 * @param processNanos the whole process
	 * @param compileMillis the JIT's total compilation time, as the JVM counts it
	 */
	public record Sample(Map<Group, Map<Long, Long>> threads, long processNanos, long compileMillis) {

		/**
		 * The request threads' time.
		 * @return nanoseconds
		 */
		public long requestNanos() {
			return sum(Group.REQUEST);
		}

		/**
		 * The JIT compiler threads' time.
		 * @return nanoseconds
		 */
		public long jitNanos() {
			return sum(Group.JIT);
		}

		/**
		 * The GC threads' time.
		 * @return nanoseconds
		 */
		public long gcNanos() {
			return sum(Group.GC);
		}

		private long sum(Group group) {
			return this.threads.getOrDefault(group, Map.of()).values().stream().mapToLong(Long::longValue).sum();
		}

		/**
		 * The process's time outside the three groups.
		 * @return nanoseconds
		 */
		public long otherNanos() {
			return this.processNanos - requestNanos() - jitNanos() - gcNanos();
		}

		/**
		 * The time spent between an earlier sample and this one, thread by thread: a
		 * thread that started in between counts from zero; one that ended in between is
		 * left to the rest (its time is gone from every group).
		 * @param earlier the earlier sample
		 * @return the difference
		 */
		public Sample minus(Sample earlier) {
			Map<Group, Map<Long, Long>> growth = new EnumMap<>(Group.class);
			this.threads.forEach((group, now) -> {
				Map<Long, Long> before = earlier.threads.getOrDefault(group, Map.of());
				Map<Long, Long> grown = new HashMap<>();
				now.forEach((id, cpu) -> grown.put(id, cpu - before.getOrDefault(id, 0L)));
				growth.put(group, grown);
			});
			return new Sample(growth, this.processNanos - earlier.processNanos,
					this.compileMillis - earlier.compileMillis);
		}

		/**
		 * The sample as the control line carries it.
		 * @return the process's time, the compilation time, then per group its threads as
		 * {@code GROUP=id:nanos,id:nanos}, separated by spaces
		 */
		public String encode() {
			StringBuilder line = new StringBuilder().append(this.processNanos).append(' ').append(this.compileMillis);
			this.threads.forEach((group, cpu) -> {
				line.append(' ').append(group).append('=');
				line.append(cpu.entrySet()
					.stream()
					.map((thread) -> thread.getKey() + ":" + thread.getValue())
					.collect(Collectors.joining(",")));
			});
			return line.toString();
		}

		/**
		 * A sample from what {@link #encode()} wrote.
		 * @param encoded the line
		 * @return the sample
		 */
		public static Sample decode(String encoded) {
			String[] fields = encoded.strip().split(" ");
			Map<Group, Map<Long, Long>> threads = new EnumMap<>(Group.class);
			for (int i = 2; i < fields.length; i++) {
				String[] group = fields[i].split("=", 2);
				Map<Long, Long> cpu = new HashMap<>();
				for (String thread : group[1].split(",")) {
					if (!thread.isEmpty()) {
						String[] idAndNanos = thread.split(":");
						cpu.put(Long.parseLong(idAndNanos[0]), Long.parseLong(idAndNanos[1]));
					}
				}
				threads.put(Group.valueOf(group[0]), cpu);
			}
			return new Sample(threads, Long.parseLong(fields[0]), Long.parseLong(fields[1]));
		}

	}

}
