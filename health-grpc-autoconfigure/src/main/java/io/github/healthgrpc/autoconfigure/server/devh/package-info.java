/**
 * Auto-configuration of the adapter for devh's gRPC server
 * ({@code net.devh:grpc-server-spring-boot-starter}).
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.server.devh;

import org.jspecify.annotations.NullMarked;
