/**
 * JMH benchmarks of the in-process paths: a Check lookup, and a status change reaching
 * every watcher, each beside grpc-java's {@code HealthStatusManager}.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
