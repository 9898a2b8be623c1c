package io.github.healthgrpc.resources;

/**
 * One reading of the process's CPU time.
 *
 * @param wallNanos a monotonic wall-clock reading, as {@link System#nanoTime()} gives
 * @param cpuNanos CPU time the process has used since it started, or a negative number if
 * the JVM cannot tell
 * @param processors the processors the JVM may use (a container's CPU limit included)
 * @since 0.1.0
 */
public record CpuSample(long wallNanos, long cpuNanos, int processors) {

}
