/**
 * Auto-configuration of the resource checks ({@code grpc.health.resources}).
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.resources;

import org.jspecify.annotations.NullMarked;
