/**
 * Auto-configuration of upstream checks: the channels they watch over, from a target or
 * from the application's gRPC client, and the checks themselves.
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.upstream;

import org.jspecify.annotations.NullMarked;
