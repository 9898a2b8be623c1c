/**
 * Ties serving status to the application's lifecycle: readiness, server start and the shutdown drain.
 */
@NullMarked
package io.github.healthgrpc.lifecycle;

import org.jspecify.annotations.NullMarked;
