/**
 * Ties serving status to the application's lifecycle: readiness and the shutdown drain.
 */
@NullMarked
package io.github.healthgrpc.lifecycle;

import org.jspecify.annotations.NullMarked;
