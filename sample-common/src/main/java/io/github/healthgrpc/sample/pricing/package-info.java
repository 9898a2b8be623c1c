/**
 * The {@code pricing} check: whether the pricing dependency accepts TCP connections.
 */
@NullMarked
package io.github.healthgrpc.sample.pricing;

import org.jspecify.annotations.NullMarked;
