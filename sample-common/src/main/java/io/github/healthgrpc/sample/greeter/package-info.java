/**
 * The {@code demo.Greeter} service, mapped to the {@code db} check only.
 */
@NullMarked
package io.github.healthgrpc.sample.greeter;

import org.jspecify.annotations.NullMarked;
