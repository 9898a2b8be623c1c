/**
 * The public API for writing checks: the {@code @HealthCheck} annotation and manual
 * status handles.
 */
@NullMarked
package io.github.healthgrpc.check;

import org.jspecify.annotations.NullMarked;
