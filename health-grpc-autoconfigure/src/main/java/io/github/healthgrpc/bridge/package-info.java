/**
 * Bridges grpc-java's {@code HealthStatusManager}, which Spring Boot's and devh's gRPC
 * docs teach applications to inject, to health-grpc's status store.
 */
@NullMarked
package io.github.healthgrpc.bridge;

import org.jspecify.annotations.NullMarked;
