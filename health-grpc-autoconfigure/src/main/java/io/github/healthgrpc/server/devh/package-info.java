/**
 * The runtime side of the adapter for devh's gRPC server
 * ({@code net.devh:grpc-server-spring-boot-starter}); its auto-configuration is in
 * {@code autoconfigure.server.devh}.
 */
@NullMarked
package io.github.healthgrpc.server.devh;

import org.jspecify.annotations.NullMarked;
