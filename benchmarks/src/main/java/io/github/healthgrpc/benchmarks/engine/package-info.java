/**
 * In-process measurements of health-grpc's own parts that a user choosing a library would
 * also want: the engine's idle CPU, Check latency while checks hang, allocation per
 * fan-out.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.engine;

import org.jspecify.annotations.NullMarked;
