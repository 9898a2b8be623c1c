/**
 * Test support for applications that use health-grpc: no shutdown drain delay under test,
 * simulated dependency outages and AssertJ assertions on serving statuses.
 */
@NullMarked
package io.github.healthgrpc.test;

import org.jspecify.annotations.NullMarked;
