/**
 * The {@code demo.Inventory} service, backed by the embedded database and mapped to the
 * {@code db} and {@code pricing} checks.
 */
@NullMarked
package io.github.healthgrpc.sample.inventory;

import org.jspecify.annotations.NullMarked;
