package io.github.healthgrpc.resources;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Reads the process's CPU time from the JVM's {@code com.sun.management} operating system
 * MXBean.
 *
 * <p>
 * The CPU time, not {@code getProcessCpuLoad()}: the load is measured since the previous
 * call by anyone in the process (Micrometer's {@code ProcessorMetrics} calls it too), so
 * two readers would each see part of the picture. Differences of CPU time over a window
 * of one's own are exact.
 *
 * @since 0.1.0
 */
public final class ProcessCpuClock implements Supplier<CpuSample> {

	private final com.sun.management.OperatingSystemMXBean os;

	private ProcessCpuClock(com.sun.management.OperatingSystemMXBean os) {
		this.os = os;
	}

	/**
	 * The clock of this JVM, if it measures the process's CPU time.
	 * @return the clock, or {@code null} if the JVM cannot measure it
	 */
	public static @Nullable ProcessCpuClock ofThisJvm() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				&& os.getProcessCpuTime() >= 0) {
			return new ProcessCpuClock(os);
		}
		return null;
	}

	@Override
	public CpuSample get() {
		return new CpuSample(System.nanoTime(), this.os.getProcessCpuTime(),
				Runtime.getRuntime().availableProcessors());
	}

}
