/**
 * The harness that runs health-grpc and its alternatives, each in a JVM of its own, under
 * the same load drivers over real loopback connections, in rounds, and judges the goals
 * on the figures; {@link io.github.healthgrpc.benchmarks.harness.Benchmarks} is the jar's
 * main class.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.harness;

import org.jspecify.annotations.NullMarked;
