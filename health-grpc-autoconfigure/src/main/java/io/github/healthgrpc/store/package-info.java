/**
 * The single source of truth: the latest result of every check and the serving status of
 * every gRPC service.
 */
@NullMarked
package io.github.healthgrpc.store;

import org.jspecify.annotations.NullMarked;
