/**
 * Auto-configuration that every gRPC server adapter shares: the check that exactly one
 * server runs, the switch of a server's own health service, and the startup failures
 * naming the servers.
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.server;

import org.jspecify.annotations.NullMarked;
