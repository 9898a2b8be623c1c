/**
 * Auto-configuration of the adapter for Spring Boot's own gRPC server
 * ({@code org.springframework.boot:spring-boot-starter-grpc-server}).
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.server.boot;

import org.jspecify.annotations.NullMarked;
