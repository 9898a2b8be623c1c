/**
 * Upstream checks: a check that follows another gRPC server's Health service over one
 * open Watch call, so that an outage upstream is pushed downstream as it happens.
 */
@NullMarked
package io.github.healthgrpc.upstream;

import org.jspecify.annotations.NullMarked;
