/**
 * The {@code grpchealth} Actuator endpoint: the status store over HTTP, in the IETF
 * health+json format and as plain JSON, and the maintenance switch.
 */
@NullMarked
package io.github.healthgrpc.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
