package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The load that the shutdown tests put on a running sample, and what a truthful shutdown
 * must leave behind. 1,000 Watch calls over ten channels (100 streams per connection),
 * spread over the overall status, both demo services and the Health service itself; and
 * Check calls back to back on four of the channels. After shutdown every watcher must
 * have seen exactly SERVING, NOT_SERVING (within {@link #TOLD_WITHIN} of the start of
 * shutdown) and the end of its stream (not before the drain delay, and within
 * {@link #GRACE} after it); and every Check call must have ended as SERVING, NOT_SERVING
 * or UNAVAILABLE, in that order, with NOT_SERVING on every lane within
 * {@link #TOLD_WITHIN}, and UNAVAILABLE only after the drain delay and fast. Watch calls
 * that arrive during the drain must hear NOT_SERVING and end with the others.
 */
final class ShutdownLoad implements AutoCloseable {

	/** A hundred watchers per connection: clients spread over several connections. */
	static final int CHANNELS = 10;

	static final int WATCHERS = CHANNELS * 100;

	/** Channels that also carry Check calls, one thread each. */
	static final int CHECK_LANES = 4;

	static final List<String> SERVICES = List.of("", "demo.Greeter", "demo.Inventory", "grpc.health.v1.Health");

	/** Watch calls that arrive during the drain, on a connection of their own. */
	static final int LATE_WATCHERS = 100;

	/**
	 * UNAVAILABLE answers each Check lane collects after the server is gone, then stops.
	 */
	static final int UNAVAILABLE_PER_LANE = 20;

	/** "Fail fast": far below the calls' deadline, generous for two busy cores. */
	static final Duration FAIL_FAST = Duration.ofSeconds(2);

	/**
	 * How soon after the start of shutdown every watcher and every Check lane must hear
	 * NOT_SERVING: load balancers need it at the start of the drain, not at its end. Runs
	 * take tens of milliseconds for 1,000 watchers; a few hundred leave room for busy
	 * cores.
	 */
	static final Duration TOLD_WITHIN = Duration.ofMillis(500);

	/**
	 * How long after the drain delay every stream must have ended and shutdown must be
	 * over: runs take tens to a few hundred milliseconds (the README's Guarantees quote
	 * them); one second leaves room for busy cores, and is far below the gRPC servers' 30
	 * s shutdown grace period, so a call left open fails it.
	 */
	static final Duration GRACE = Duration.ofSeconds(1);

	/**
	 * How long after the drain delay a JVM stopped by SIGTERM must have exited: the gRPC
	 * server is gone within {@link #GRACE}, but the rest of the context (the web server,
	 * the connection pool) and the JVM's own exit take another 0.3 to 0.9 s on busy
	 * cores.
	 */
	static final Duration EXIT_GRACE = Duration.ofSeconds(2);

	private static final String COMPLETED_AFTER_NOT_SERVING = "SERVING,NOT_SERVING,completed";

	private static final String LATE_COMPLETED = "NOT_SERVING,completed";

	private final WatcherCrowd crowd;

	private CheckTraffic traffic;

	private WatcherCrowd late;

	private boolean trafficEnded;

	private ShutdownLoad(WatcherCrowd crowd) {
		this.crowd = crowd;
	}

	/**
	 * Attach the watchers and wait until each has its first message, SERVING (the caller
	 * makes sure every service is SERVING first).
	 */
	static ShutdownLoad attach(int grpcPort, Duration patience) {
		ShutdownLoad load = new ShutdownLoad(WatcherCrowd.attach(grpcPort, CHANNELS, WATCHERS / CHANNELS, SERVICES));
		await().atMost(patience).until(() -> load.crowd.count("SERVING"::equals) == WATCHERS);
		return load;
	}

	/**
	 * Start Check calls on the first {@link #CHECK_LANES} channels and wait until each
	 * lane has had a SERVING answer.
	 */
	void startChecks(Duration patience) {
		this.traffic = CheckTraffic.start(this.crowd.channels().subList(0, CHECK_LANES), SERVICES,
				UNAVAILABLE_PER_LANE);
		await().atMost(patience).until(() -> this.traffic.min(CheckTraffic.Lane::serving) > 0);
	}

	/**
	 * Once every watcher has heard NOT_SERVING, open a new connection and start more
	 * Watch calls on it, as clients that arrive during the drain would: they must not be
	 * left open when the server stops.
	 */
	void attachLateWatchers(int grpcPort, Duration patience) {
		await().atMost(patience)
			.until(() -> this.crowd.count((history) -> history.contains("NOT_SERVING")) == WATCHERS);
		this.late = WatcherCrowd.attach(grpcPort, 1, LATE_WATCHERS, SERVICES);
	}

	/**
	 * Wait until every watcher's stream has ended and every Check lane has had its fill
	 * of UNAVAILABLE answers, then stop the lanes.
	 */
	void awaitEnd(Duration patience) throws InterruptedException {
		await().atMost(patience).until(() -> this.crowd.count(ShutdownLoad::ended) == WATCHERS);
		await().atMost(patience).until(() -> this.late.count(ShutdownLoad::ended) == LATE_WATCHERS);
		await().atMost(patience).until(() -> this.traffic.min(CheckTraffic.Lane::unavailable) >= UNAVAILABLE_PER_LANE);
		this.trafficEnded = this.traffic.stop();
	}

	/**
	 * Print the figures, times measured from the start of shutdown.
	 */
	void print(String scenario, long shutdownStarted, Duration shutdownTook, Duration drainDelay) {
		CheckTraffic checks = this.traffic;
		System.out.printf("%s: %d watchers over %d channels, drain delay %d ms%n", scenario, WATCHERS, CHANNELS,
				drainDelay.toMillis());
		System.out.printf("  watcher histories: %s%n", this.crowd.histories());
		System.out.printf("  NOT_SERVING received: %d, first after %d ms, last after %d ms%n",
				this.crowd.count((history) -> history.contains("NOT_SERVING")),
				millis(this.crowd.min((watch) -> watch.firstAt(ServingStatus.NOT_SERVING)) - shutdownStarted),
				millis(this.crowd.max((watch) -> watch.firstAt(ServingStatus.NOT_SERVING)) - shutdownStarted));
		System.out.printf(
				"  streams completed: %d, first after %d ms, last after %d ms;"
						+ " shortest NOT_SERVING-to-end per watcher %d ms%n",
				this.crowd.count((history) -> history.endsWith("completed")),
				millis(this.crowd.min(HealthWatch::endedAt) - shutdownStarted),
				millis(this.crowd.max(HealthWatch::endedAt) - shutdownStarted),
				millis(this.crowd.min((watcher) -> watcher.endedAt() - watcher.firstAt(ServingStatus.NOT_SERVING))));
		System.out.printf("  late watchers (attached during the drain): %s, last ended after %d ms%n",
				this.late.histories(), millis(this.late.max(HealthWatch::endedAt) - shutdownStarted));
		System.out.printf("  Check calls: %d (SERVING %d, NOT_SERVING %d, UNAVAILABLE %d, other %s, out of order %s)%n",
				checks.sum(CheckTraffic.Lane::calls), checks.sum(CheckTraffic.Lane::serving),
				checks.sum(CheckTraffic.Lane::notServing), checks.sum(CheckTraffic.Lane::unavailable),
				checks.unexpected(), checks.outOfOrder());
		System.out.printf("  NOT_SERVING answered for %d ms (first after %d ms, on every lane after %d ms);"
				+ " first UNAVAILABLE after %d ms, on every lane after %d ms; slowest call %d ms, slowest UNAVAILABLE %d ms%n",
				millis(checks.max(CheckTraffic.Lane::lastNotServingAt)
						- checks.min(CheckTraffic.Lane::firstNotServingAt)),
				millis(checks.min(CheckTraffic.Lane::firstNotServingAt) - shutdownStarted),
				millis(checks.max(CheckTraffic.Lane::firstNotServingAt) - shutdownStarted),
				millis(checks.min(CheckTraffic.Lane::firstUnavailableAt) - shutdownStarted),
				millis(checks.max(CheckTraffic.Lane::firstUnavailableAt) - shutdownStarted),
				millis(checks.max(CheckTraffic.Lane::maxCallNanos)),
				millis(checks.max(CheckTraffic.Lane::maxUnavailableNanos)));
		System.out.printf("  shutdown took %d ms%n", shutdownTook.toMillis());
	}

	/**
	 * What every watcher and every Check call must have seen. Times are measured from the
	 * start of shutdown, which comes no later than the start of the drain: a lower bound
	 * of "drain delay" is therefore exact, and an upper bound is as generous as stated.
	 */
	void assertTruthful(long shutdownStarted, Duration drainDelay) {
		Duration ended = drainDelay.plus(GRACE);
		assertThat(this.crowd.histories()).as("watchers by what they saw")
			.isEqualTo(Map.of(COMPLETED_AFTER_NOT_SERVING, (long) WATCHERS));
		// Clients need NOT_SERVING at the start of the drain, not with the end of the
		// stream.
		assertThat(since(shutdownStarted, this.crowd.max((watch) -> watch.firstAt(ServingStatus.NOT_SERVING))))
			.as("time until the last watcher heard NOT_SERVING")
			.isLessThanOrEqualTo(TOLD_WITHIN);
		assertThat(since(shutdownStarted, this.crowd.min(HealthWatch::endedAt))).as("time until the first stream ended")
			.isGreaterThanOrEqualTo(drainDelay);
		assertThat(since(shutdownStarted, this.crowd.max(HealthWatch::endedAt))).as("time until the last stream ended")
			.isLessThanOrEqualTo(ended);
		assertThat(this.late.histories()).as("late watchers by what they saw")
			.isEqualTo(Map.of(LATE_COMPLETED, (long) LATE_WATCHERS));
		assertThat(since(shutdownStarted, this.late.min(HealthWatch::endedAt)))
			.as("time until the first late watcher's stream ended")
			.isGreaterThanOrEqualTo(drainDelay);
		assertThat(since(shutdownStarted, this.late.max(HealthWatch::endedAt)))
			.as("time until the last late watcher's stream ended")
			.isLessThanOrEqualTo(ended);

		CheckTraffic checks = this.traffic;
		assertThat(this.trafficEnded).as("every Check lane ended (no call left hanging)").isTrue();
		assertThat(checks.unexpected()).as("Check outcomes other than SERVING, NOT_SERVING, UNAVAILABLE").isEmpty();
		assertThat(checks.outOfOrder()).as("Check outcomes out of order").isEmpty();
		assertThat(since(shutdownStarted, checks.max(CheckTraffic.Lane::firstNotServingAt)))
			.as("time until every Check lane had a NOT_SERVING answer")
			.isLessThanOrEqualTo(TOLD_WITHIN);
		// The server answered through the whole drain before it refused calls.
		assertThat(since(shutdownStarted, checks.min(CheckTraffic.Lane::firstUnavailableAt)))
			.as("time until the first UNAVAILABLE")
			.isGreaterThanOrEqualTo(drainDelay);
		assertThat(since(shutdownStarted, checks.max(CheckTraffic.Lane::firstUnavailableAt)))
			.as("time until every Check lane had an UNAVAILABLE answer")
			.isLessThanOrEqualTo(ended);
		assertThat(Duration.ofNanos(checks.max(CheckTraffic.Lane::maxUnavailableNanos)))
			.as("slowest UNAVAILABLE call once the server was gone")
			.isLessThan(FAIL_FAST);
	}

	/**
	 * Assert that {@code context.close()} returned within {@link #GRACE} after the drain
	 * delay, and not before it.
	 */
	static void assertCloseTook(Duration took, Duration drainDelay) {
		assertThat(took).as("time close() took").isBetween(drainDelay, drainDelay.plus(GRACE));
	}

	/**
	 * Assert that a JVM stopped by SIGTERM exited within {@link #EXIT_GRACE} after the
	 * drain delay, and not before it.
	 */
	static void assertExitTook(Duration took, Duration drainDelay) {
		assertThat(took).as("time from SIGTERM to the exit of the JVM")
			.isBetween(drainDelay, drainDelay.plus(EXIT_GRACE));
	}

	@Override
	public void close() throws InterruptedException {
		if (this.traffic != null) {
			this.traffic.stop();
		}
		this.crowd.close();
		if (this.late != null) {
			this.late.close();
		}
	}

	private static boolean ended(String history) {
		return history.endsWith("completed") || history.contains("error");
	}

	private static Duration since(long start, long nanoTime) {
		return Duration.ofNanos(nanoTime - start);
	}

	private static long millis(long nanos) {
		return Duration.ofNanos(nanos).toMillis();
	}

}
