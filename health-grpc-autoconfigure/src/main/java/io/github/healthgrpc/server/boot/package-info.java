/**
 * The runtime side of the adapter for Spring Boot's own gRPC server
 * ({@code org.springframework.boot:spring-boot-starter-grpc-server}); its
 * auto-configuration is in {@code autoconfigure.server.boot}.
 */
@NullMarked
package io.github.healthgrpc.server.boot;

import org.jspecify.annotations.NullMarked;
