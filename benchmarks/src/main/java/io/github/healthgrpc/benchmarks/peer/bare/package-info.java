/**
 * The floor peer: grpc-java's {@code HealthStatusManager} on a plain grpc-java server.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.peer.bare;

import org.jspecify.annotations.NullMarked;
