package io.github.healthgrpc.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run measured on: processors, CPU model, memory, Java and the OS, and its
 * load while the run lasted, sampled every 10 s (see {@link Load}).
 */
public final class Machine implements AutoCloseable {

	private final double loadAtStart;

	private final List<Double> averages = new ArrayList<>();

	private final List<Double> others = new ArrayList<>();

	private final OtherProcesses otherProcesses = new OtherProcesses();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "load-sampler");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Start sampling the load.
	 * @param loadAtStart the 1-minute load average when the run started (see
	 * {@link #awaitQuiet(Duration)})
	 */
	public Machine(double loadAtStart) {
		this.loadAtStart = loadAtStart;
		this.sampler.scheduleAtFixedRate(this::sample, 10, 10, TimeUnit.SECONDS);
	}

	/**
	 * Wait, up to a time, for the 1-minute load average to fall under
	 * {@link Load#START_BOUND} (before the run's own processes start).
	 * @param atMost how long to wait at most; zero to read the load average once
	 * @return the load average at the end of the wait
	 */
	public static double awaitQuiet(Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		double load = loadAverage();
		while (!(load <= Load.START_BOUND) && System.nanoTime() < deadline) {
			System.out.printf(Locale.ROOT, "load average %.2f above %.2f: waiting (at most %s more)%n", load,
					Load.START_BOUND, Duration.ofNanos(deadline - System.nanoTime()).withNanos(0));
			Thread.sleep(15_000);
			load = loadAverage();
		}
		return load;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private synchronized void sample() {
		this.averages.add(loadAverage());
		this.otherProcesses.sinceLast().ifPresent(this.others::add);
	}

	/**
	 * The load so far, a last sample included.
	 * @return the load over the run
	 */
	public Load load() {
		sample();
		synchronized (this) {
			return new Load(this.loadAtStart, List.copyOf(this.averages), List.copyOf(this.others));
		}
	}

	/**
	 * The machine's facts as Markdown list items.
	 * @return processors, CPU, memory, Java and OS
	 */
	public static String describe() {
		return "- processors (available to the JVM, as nproc counts them): "
				+ Runtime.getRuntime().availableProcessors() + "\n- CPU: " + cpuModel() + "\n- memory: " + memory()
				+ "\n- Java: " + System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version") + "\n- OS: " + distribution() + ", kernel "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch") + "\n";
	}

	private static String memory() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
			return String.format(Locale.ROOT, "%.1f GiB", bean.getTotalMemorySize() / (double) (1L << 30));
		}
		return "unknown";
	}

	private static String cpuModel() {
		return firstValue(Path.of("/proc/cpuinfo"), "model name", ':');
	}

	private static String distribution() {
		return firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=').replace("\"", "");
	}

	private static String firstValue(Path file, String key, char separator) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(separator) + 1).strip())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

}
