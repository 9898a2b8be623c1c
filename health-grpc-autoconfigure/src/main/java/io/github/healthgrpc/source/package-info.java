/**
 * Turns the application's checks (annotated methods, Actuator health contributors, manual
 * handles) into engine checks.
 */
@NullMarked
package io.github.healthgrpc.source;

import org.jspecify.annotations.NullMarked;
