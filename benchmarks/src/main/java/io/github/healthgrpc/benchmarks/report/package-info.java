/**
 * The figures of a run and how they are reported: the metrics, every value per peer, the
 * table of medians, the machine the run measured on, and a JFR profile's summary.
 */
@NullMarked
package io.github.healthgrpc.benchmarks.report;

import org.jspecify.annotations.NullMarked;
