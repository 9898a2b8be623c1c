package io.github.healthgrpc.benchmarks.report;

/**
 * Every figure the harness measures on a peer, with its unit and whether more is better.
 */
public enum Metric {

	CHECK_16_RATE("Check calls/s, 16 in flight", "calls/s", true), CHECK_16_P50("Check p50, 16 in flight", "µs", false),
	CHECK_16_P99("Check p99, 16 in flight", "µs", false),
	CHECK_16_CPU("server CPU per Check, 16 in flight", "µs", false),
	CHECK_64_RATE("Check calls/s, 64 in flight", "calls/s", true), CHECK_64_P50("Check p50, 64 in flight", "µs", false),
	CHECK_64_P99("Check p99, 64 in flight", "µs", false),
	CHECK_64_CPU("server CPU per Check, 64 in flight", "µs", false),
	LOAD_RATE("paced Check load achieved", "calls/s", true),
	LOAD_PRICING_RUNS("pricing checks run during the paced load", "runs", false),
	LOAD_PRICING_SCHEDULED("pricing checks its schedule allows in that time", "runs", false),
	TCP_FRESH_P50("pricing listener closed/opened → Watch hears it, p50", "ms", false),
	TCP_FRESH_MAX("pricing listener closed/opened → Watch hears it, max", "ms", false),
	MANUAL_P50("status set in code → Watch hears it, p50", "ms", false),
	MANUAL_P99("status set in code → Watch hears it, p99", "ms", false),
	FANOUT_1K_P50("1,000 watchers: change heard, p50", "ms", false),
	FANOUT_1K_SPREAD("1,000 watchers: max − p0", "ms", false),
	FANOUT_1K_HEAP("1,000 watchers: heap per watcher", "bytes", false),
	FANOUT_10K_P50("10,000 watchers: change heard, p50", "ms", false),
	FANOUT_10K_SPREAD("10,000 watchers: max − p0", "ms", false),
	FANOUT_10K_HEAP("10,000 watchers: heap per watcher", "bytes", false),
	SIGTERM_TOLD("SIGTERM, 1,000 watchers: told NOT_SERVING", "watchers", true),
	SIGTERM_TOLD_P99("SIGTERM, 1,000 watchers: NOT_SERVING p99", "ms", false),
	SIGTERM_COMPLETED("SIGTERM, 1,000 watchers: streams completed (OK)", "watchers", true),
	SIGTERM_EXIT("SIGTERM → process exit", "ms", false), STARTUP_CONTEXT("application context start", "ms", false),
	// Part "extras" of issue 19: the warm-up, CPU by thread group, open-loop latency.
	CHECK_WARM_UP("Check warm-up, until the JIT is quiet (bounded)", "ms", false),
	CHECK_16_REQUEST_CPU("request-thread CPU per Check, 16 in flight", "µs", false),
	CHECK_16_JIT_CPU("JIT-thread CPU per Check, 16 in flight", "µs", false),
	CHECK_16_GC_CPU("GC-thread CPU per Check, 16 in flight", "µs", false),
	CHECK_64_REQUEST_CPU("request-thread CPU per Check, 64 in flight", "µs", false),
	CHECK_64_JIT_CPU("JIT-thread CPU per Check, 64 in flight", "µs", false),
	CHECK_64_GC_CPU("GC-thread CPU per Check, 64 in flight", "µs", false),
	OPEN_1K_RATE("open loop 1,000/s: achieved", "calls/s", true),
	OPEN_1K_P50("open loop 1,000/s: p50 from intended send", "µs", false),
	OPEN_1K_P99("open loop 1,000/s: p99 from intended send", "µs", false),
	OPEN_1K_P999("open loop 1,000/s: p99.9 from intended send", "µs", false),
	OPEN_1K_MAX("open loop 1,000/s: max from intended send", "µs", false),
	OPEN_1K_FAILED("open loop 1,000/s: calls failed", "calls", false),
	OPEN_1K_REQUEST_CPU("open loop 1,000/s: request-thread CPU per call", "µs", false),
	OPEN_1K_CPU("open loop 1,000/s: server CPU per call (process)", "µs", false),
	OPEN_5K_RATE("open loop 5,000/s: achieved", "calls/s", true),
	OPEN_5K_P50("open loop 5,000/s: p50 from intended send", "µs", false),
	OPEN_5K_P99("open loop 5,000/s: p99 from intended send", "µs", false),
	OPEN_5K_P999("open loop 5,000/s: p99.9 from intended send", "µs", false),
	OPEN_5K_MAX("open loop 5,000/s: max from intended send", "µs", false),
	OPEN_5K_FAILED("open loop 5,000/s: calls failed", "calls", false),
	OPEN_5K_REQUEST_CPU("open loop 5,000/s: request-thread CPU per call", "µs", false),
	OPEN_5K_CPU("open loop 5,000/s: server CPU per call (process)", "µs", false),
	OPEN_10K_RATE("open loop 10,000/s: achieved", "calls/s", true),
	OPEN_10K_P50("open loop 10,000/s: p50 from intended send", "µs", false),
	OPEN_10K_P99("open loop 10,000/s: p99 from intended send", "µs", false),
	OPEN_10K_P999("open loop 10,000/s: p99.9 from intended send", "µs", false),
	OPEN_10K_MAX("open loop 10,000/s: max from intended send", "µs", false),
	OPEN_10K_FAILED("open loop 10,000/s: calls failed", "calls", false),
	OPEN_10K_REQUEST_CPU("open loop 10,000/s: request-thread CPU per call", "µs", false),
	OPEN_10K_CPU("open loop 10,000/s: server CPU per call (process)", "µs", false),

	// Startup that can be seen (issue 19, part "startup"): what each start cost at ready,
	// measured in interleaved pairs with and without the starter.
	STARTUP_CLASSES("classes loaded at ready", "classes", false),
	STARTUP_BEANS("bean definitions at ready", "beans", false), STARTUP_CPU("process CPU time to ready", "ms", false),
	// Diagnostic, no goal: the parts of the process's CPU time that vary least (the main
	// thread, which starts the context) and most (the JIT) from one start to the next.
	STARTUP_MAIN_THREAD_CPU("main thread's CPU time to ready", "ms", false),
	STARTUP_JIT("JIT compilation time to ready, every compiler thread", "ms", false),
	STARTUP_HEALTH_GRPC_STEPS("Spring startup steps of health-grpc's beans", "ms", false),
	STARTUP_FIRST_SERVING("process start → first SERVING heard by a Watch", "ms", false),

	// Issue 19, measures: each figure measured where it happens.
	TCP_FRESH_SAW_P50("pricing check saw it refused/accepted → Watch hears it, p50", "ms", false),
	TCP_FRESH_SAW_MAX("pricing check saw it refused/accepted → Watch hears it, max", "ms", false),
	TCP_HANG_P50("pricing listener blackholed/opened → Watch hears it, p50", "ms", false),
	TCP_HANG_MAX("pricing listener blackholed/opened → Watch hears it, max", "ms", false),
	TCP_HANG_SAW_P50("pricing check timed out/connected → Watch hears it, p50", "ms", false),
	TCP_HANG_SAW_MAX("pricing check timed out/connected → Watch hears it, max", "ms", false),
	MANUAL_WRITE_P50("manual command written to the peer → Watch hears it, p50", "ms", false),
	MANUAL_WRITE_P99("manual command written to the peer → Watch hears it, p99", "ms", false),
	FANOUT_1K_P0("1,000 watchers: change heard, p0", "ms", false),
	FANOUT_1K_P99("1,000 watchers: change heard, p99", "ms", false),
	FANOUT_1K_MAX("1,000 watchers: change heard, max", "ms", false),
	FANOUT_1K_DIRECT("1,000 watchers: direct memory per watcher", "bytes", false),
	FANOUT_1K_RSS("1,000 watchers: resident memory per watcher", "bytes", false),
	FANOUT_10K_P0("10,000 watchers: change heard, p0", "ms", false),
	FANOUT_10K_P99("10,000 watchers: change heard, p99", "ms", false),
	FANOUT_10K_MAX("10,000 watchers: change heard, max", "ms", false),
	FANOUT_10K_DIRECT("10,000 watchers: direct memory per watcher", "bytes", false),
	FANOUT_10K_RSS("10,000 watchers: resident memory per watcher", "bytes", false),
	FANOUT_SOLO_P0("1,000 connections, a watcher each: change heard, p0", "ms", false),
	FANOUT_SOLO_P50("1,000 connections, a watcher each: change heard, p50", "ms", false),
	FANOUT_SOLO_P99("1,000 connections, a watcher each: change heard, p99", "ms", false),
	FANOUT_SOLO_MAX("1,000 connections, a watcher each: change heard, max", "ms", false),
	FANOUT_SOLO_SPREAD("1,000 connections, a watcher each: max − p0", "ms", false),
	FANOUT_SOLO_HEAP("1,000 connections, a watcher each: heap per watcher", "bytes", false),
	FANOUT_SOLO_DIRECT("1,000 connections, a watcher each: direct memory per watcher", "bytes", false),
	FANOUT_SOLO_RSS("1,000 connections, a watcher each: resident memory per watcher", "bytes", false);

	private final String label;

	private final String unit;

	private final boolean higherIsBetter;

	Metric(String label, String unit, boolean higherIsBetter) {
		this.label = label;
		this.unit = unit;
		this.higherIsBetter = higherIsBetter;
	}

	public String label() {
		return this.label;
	}

	public String unit() {
		return this.unit;
	}

	boolean higherIsBetter() {
		return this.higherIsBetter;
	}

}
