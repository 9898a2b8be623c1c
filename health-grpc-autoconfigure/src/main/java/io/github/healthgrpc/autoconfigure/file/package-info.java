/**
 * Auto-configuration of the health file ({@code grpc.health.file.path}).
 */
@NullMarked
package io.github.healthgrpc.autoconfigure.file;

import org.jspecify.annotations.NullMarked;
