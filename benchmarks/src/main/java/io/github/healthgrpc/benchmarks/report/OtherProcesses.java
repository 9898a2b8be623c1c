package io.github.healthgrpc.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The CPU that processes other than this run's own take: the machine's busy time
 * ({@code /proc/stat}: user, nice, system and steal) less the CPU time of this process
 * and of every process it started, peers and JMH forks included
 * ({@code /proc/<pid>/stat}: their own time and that of their children already ended).
 */
final class OtherProcesses {

	/** Linux's USER_HZ: ticks per second in both files. */
	private static final double TICKS_PER_SECOND = 100;

	private long machine;

	private long ours;

	private long at;

	OtherProcesses() {
		sinceLast();
	}

	/**
	 * The cores other processes used since the last call, none when {@code /proc} cannot
	 * be read.
	 */
	synchronized OptionalDouble sinceLast() {
		try {
			long machine = machineTicks();
			long ours = ourTicks();
			long at = System.nanoTime();
			long previousAt = this.at;
			long others = (machine - this.machine) - (ours - this.ours);
			this.machine = machine;
			this.ours = ours;
			this.at = at;
			if (previousAt == 0 || at - previousAt < 1_000_000_000L) {
				return OptionalDouble.empty();
			}
			// A process of ours that ended between two reads leaves a tick or two
			// unaccounted.
			return OptionalDouble.of(Math.max(0, others / TICKS_PER_SECOND / ((at - previousAt) / 1e9)));
		}
		catch (IOException | RuntimeException ex) {
			return OptionalDouble.empty();
		}
	}

	private static long machineTicks() throws IOException {
		String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		// cpu user nice system idle iowait irq softirq steal: interrupts are left out
		// (the
		// run's own loopback traffic causes them), steal is in (another tenant of the
		// host).
		return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[8]);
	}

	private static long ourTicks() throws IOException {
		ProcessHandle self = ProcessHandle.current();
		long ticks = ticks(self.pid());
		try (Stream<ProcessHandle> descendants = self.descendants()) {
			for (ProcessHandle descendant : descendants.toList()) {
				try {
					ticks += ticks(descendant.pid());
				}
				catch (IOException ex) {
					// Ended since listed: its time is in its parent's children's time.
				}
			}
		}
		return ticks;
	}

	private static long ticks(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		// After the command's closing parenthesis: state is field 3, utime 14, stime 15,
		// cutime 16, cstime 17.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
				+ Long.parseLong(fields[14]);
	}

}
