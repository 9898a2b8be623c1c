/**
 * The peers as processes: which peers there are, the part of the class path each is
 * started with, and one peer running in a JVM of its own.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.processes;

import org.jspecify.annotations.NullMarked;
