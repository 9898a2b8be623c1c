/**
 * Auto-configuration and configuration properties for health-grpc.
 */
@NullMarked
package io.github.healthgrpc.autoconfigure;

import org.jspecify.annotations.NullMarked;
