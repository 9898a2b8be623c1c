/**
 * The demo application on Spring Boot's own gRPC server, with or without health-grpc.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.peer.boot;

import org.jspecify.annotations.NullMarked;
