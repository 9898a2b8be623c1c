/**
 * Micrometer meters for health-grpc: serving status per service, engine load and open
 * watchers, a view of the status store and of counts handed over from the engine.
 */
@NullMarked
package io.github.healthgrpc.metrics;

import org.jspecify.annotations.NullMarked;
