/**
 * The harness that runs health-grpc and its alternatives, each in a JVM of its own, under
 * the same load drivers over real loopback connections, and prints their figures side by
 * side.
 */
@NullMarked
package io.github.healthgrpc.benchmarks;

import org.jspecify.annotations.NullMarked;
