/**
 * The {@code grpc} component of {@code /actuator/health}, a view of the status store.
 */
@NullMarked
package io.github.healthgrpc.actuate;

import org.jspecify.annotations.NullMarked;
