/**
 * What a gRPC server adapter provides, extends and calls, so that the core knows no
 * server.
 */
@NullMarked
package io.github.healthgrpc.server;

import org.jspecify.annotations.NullMarked;
