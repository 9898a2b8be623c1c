package io.github.healthgrpc.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run measured on: processors, CPU model, Java, and the load average
 * sampled every 10 s while the run lasted.
 */
public final class Machine implements AutoCloseable {

	private final List<Double> loads = new ArrayList<>();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "load-sampler");
		thread.setDaemon(true);
		return thread;
	});

	public Machine() {
		this.sampler.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.SECONDS);
	}

	private synchronized void sample() {
		this.loads.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	public String describe() {
		List<Double> sorted;
		synchronized (this) {
			sorted = this.loads.stream().sorted().toList();
		}
		String load = sorted.isEmpty() ? "n/a"
				: String.format("%.2f median, %.2f–%.2f (1-minute load average, every 10 s, %d samples)",
						sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
		return "- processors: " + Runtime.getRuntime().availableProcessors() + "\n- CPU: " + cpuModel() + "\n- Java: "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n- OS: "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n- load during the run: "
				+ load + "\n";
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
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
