/**
 * Runs every check on its own interval and timeout, on a bounded scheduler of its own,
 * and records the results.
 */
@NullMarked
package io.github.healthgrpc.engine;

import org.jspecify.annotations.NullMarked;
