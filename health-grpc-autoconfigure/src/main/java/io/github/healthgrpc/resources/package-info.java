/**
 * Opt-in checks of the process's own resources, heap and CPU, each with a warn and a fail
 * threshold; public, so that an application can also define one of its own.
 */
@NullMarked
package io.github.healthgrpc.resources;

import org.jspecify.annotations.NullMarked;
