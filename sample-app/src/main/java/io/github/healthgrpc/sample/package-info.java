/**
 * A runnable gRPC service whose health comes from a real database and a real TCP
 * dependency.
 */
@NullMarked
package io.github.healthgrpc.sample;

import org.jspecify.annotations.NullMarked;
