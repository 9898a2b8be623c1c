/**
 * Ties serving status to the application's lifecycle: liveness, readiness and the
 * shutdown drain.
 */
@NullMarked
package io.github.healthgrpc.lifecycle;

import org.jspecify.annotations.NullMarked;
