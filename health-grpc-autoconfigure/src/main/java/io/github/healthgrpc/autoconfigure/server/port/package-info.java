/**
 * Auto-configuration of the health port ({@code grpc.health.port}).
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.server.port;

import org.jspecify.annotations.NullMarked;
