/**
 * Auto-configuration of the meters and observations of each check, which hear the engine
 * through a check listener, and of the rule that keeps Health calls out of observations.
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
