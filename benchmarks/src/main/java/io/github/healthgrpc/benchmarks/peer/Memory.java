package io.github.healthgrpc.benchmarks.peer;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The memory a peer holds, as its {@code heap} command answers it: the heap in use after
 * garbage collection, the direct memory in use, and the process's resident set size, in
 * bytes, separated by spaces.
 *
 * <p>
 * Direct memory is the sum of two counts that do not overlap: the JDK's {@code direct}
 * buffer pool counts the buffers made by {@code ByteBuffer.allocateDirect}, Netty's own
 * counter (shaded or not) the memory it allocates without a cleaner, which the JDK's pool
 * never sees.
 */
final class Memory {

	private static final List<String> NETTY = List.of("io.netty.util.internal.PlatformDependent",
			"io.grpc.netty.shaded.io.netty.util.internal.PlatformDependent");

	private Memory() {
	}

	static String afterGc() {
		// Several collections: one may leave objects that only a finalizing pass frees.
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		return heap + " " + direct() + " " + residentSetSize();
	}

	private static long direct() {
		long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> "direct".equals(pool.getName()))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
		for (String netty : NETTY) {
			direct += Math.max(0, nettyDirect(netty));
		}
		return direct;
	}

	private static long nettyDirect(String className) {
		try {
			// Netty answers -1 when it does not count (its buffers then have cleaners).
			return (long) Class.forName(className).getMethod("usedDirectMemory").invoke(null);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			// This peer does not have that Netty.
			return -1;
		}
	}

	private static long residentSetSize() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
				.findFirst()
				.orElse(-1);
		}
		catch (IOException ex) {
			// Not Linux: no resident set size to read.
			return -1;
		}
	}

}
