/**
 * The health file: a small JSON document with the serving status of every service,
 * rewritten atomically on each change and on a heartbeat, for Kubernetes exec probes.
 */
@NullMarked
package io.github.healthgrpc.file;

import org.jspecify.annotations.NullMarked;
