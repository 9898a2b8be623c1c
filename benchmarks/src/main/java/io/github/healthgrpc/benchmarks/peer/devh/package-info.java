/**
 * The demo application on devh's gRPC server, with or without health-grpc.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.peer.devh;

import org.jspecify.annotations.NullMarked;
