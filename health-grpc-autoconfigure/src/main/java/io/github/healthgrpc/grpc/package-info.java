/**
 * The {@code grpc.health.v1.Health} service (Check, Watch, List), a view of the status
 * store.
 */
@NullMarked
package io.github.healthgrpc.grpc;

import org.jspecify.annotations.NullMarked;
