/**
 * The adapter for Spring Boot's own gRPC server
 * ({@code org.springframework.boot:spring-boot-starter-grpc-server}).
 */
@NullMarked
package io.github.healthgrpc.server.boot;

import org.jspecify.annotations.NullMarked;
