package io.github.healthgrpc.resources;

/**
 * One reading of the heap: what the long-lived pool holds after its last collection, and
 * the most it may hold.
 *
 * @param pool the pool or pools read, such as "G1 Old Gen"
 * @param used bytes in use after the pool's last collection
 * @param max the most bytes the pool may hold, or a negative number if the JVM does not
 * say
 * @since 0.1.0
 */
public record HeapReading(String pool, long used, long max) {

}
