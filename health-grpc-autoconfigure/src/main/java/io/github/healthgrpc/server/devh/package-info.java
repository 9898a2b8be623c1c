/**
 * The adapter for devh's gRPC server ({@code net.devh:grpc-server-spring-boot-starter}).
 */
@NullMarked
package io.github.healthgrpc.server.devh;

import org.jspecify.annotations.NullMarked;
