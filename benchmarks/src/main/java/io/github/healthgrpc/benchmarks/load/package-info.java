/**
 * The load drivers: closed-loop and paced Check load, crowds of Watch calls, and the
 * measurements built on them (freshness, fan-out), each talking to one running peer.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.load;

import org.jspecify.annotations.NullMarked;
