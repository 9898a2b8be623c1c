/**
 * What every measured peer shares: the two demo services, the {@code pricing} check and
 * the control line on standard input through which the harness asks a peer for its heap
 * or flips its manual check.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.peer;

import org.jspecify.annotations.NullMarked;
