/**
 * Health on its own port: a second, plaintext gRPC server that serves only
 * {@code grpc.health.v1.Health}, beside whichever gRPC server the application runs.
 */
@NullMarked
package io.github.healthgrpc.server.port;

import org.jspecify.annotations.NullMarked;
