package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.TimedWatch;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves on each server, through a chain of three applications on loopback (C follows B's
 * service with an upstream check, B follows A's), what the docs promise of upstream
 * checks: a change of A's service reaches B's watchers within 50 ms p99 of A's own
 * watchers, and C's within 150 ms p99; A sees one Watch call from B's check and no Check
 * call however often it changes, and B one from C's; and A's drain reads NOT_SERVING in B
 * while A drains, without B calling A in a loop.
 */
class UpstreamChainEndToEndTests {

	private static final int WARM_UP = 10;

	private static final int CHANGES = 200;

	private static final Duration DRAIN_DELAY = Duration.ofMillis(1500);

	@AutoClose
	private final EndToEndResources resources = new EndToEndResources();

	@ParameterizedTest
	@EnumSource
	void healthTravelsTheChainOverOneWatchCallPerHop(TestGrpcServer server) throws Exception {
		TestGrpcServer.Started a = start(server, EndToEndApplications.WithStock.class,
				"grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms",
				"grpc.health.services.demo.Stock.include=stock");
		ManualHealthCheck stock = a.context().getBean(ManualHealthCheck.class);
		stock.up();
		TestGrpcServer.Started b = start(server, EndToEndApplications.Plain.class,
				"grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.upstreams.stock-service.target=127.0.0.1:" + a.port(),
				"grpc.health.upstreams.stock-service.service=demo.Stock",
				"grpc.health.services.demo.Orders.include=stock-service");
		TestGrpcServer.Started c = start(server, EndToEndApplications.Plain.class,
				"grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.upstreams.orders-service.target=127.0.0.1:" + b.port(),
				"grpc.health.upstreams.orders-service.service=demo.Orders",
				"grpc.health.services.demo.Shop.include=orders-service");
		TimedWatch watchA = this.resources.watch(a, "demo.Stock");
		TimedWatch watchB = this.resources.watch(b, "demo.Orders");
		TimedWatch watchC = this.resources.watch(c, "demo.Shop");
		for (TimedWatch watch : List.of(watchA, watchB, watchC)) {
			watch.until(ServingStatus.SERVING, Duration.ofSeconds(20));
		}

		List<Double> aToB = new ArrayList<>();
		List<Double> bToC = new ArrayList<>();
		List<Double> aToC = new ArrayList<>();
		for (int i = 0; i < WARM_UP + CHANGES; i++) {
			// Even changes turn A NOT_SERVING, odd ones SERVING again: A ends SERVING.
			ServingStatus expected = (i % 2 == 0) ? ServingStatus.NOT_SERVING : ServingStatus.SERVING;
			if (expected == ServingStatus.NOT_SERVING) {
				stock.down("change " + i);
			}
			else {
				stock.up();
			}
			TimedWatch.Message toldA = watchA.next();
			TimedWatch.Message toldB = watchB.next();
			TimedWatch.Message toldC = watchC.next();
			assertThat(List.of(toldA.status(), toldB.status(), toldC.status())).as("change %d told to A, B, C", i)
				.containsOnly(expected);
			if (i >= WARM_UP) {
				aToB.add(millisBetween(toldA, toldB));
				bToC.add(millisBetween(toldB, toldC));
				aToC.add(millisBetween(toldA, toldC));
			}
		}
		Latencies hopAToB = Latencies.of(aToB);
		Latencies hopBToC = Latencies.of(bToC);
		Latencies chain = Latencies.of(aToC);
		System.out.printf("%s upstream chain, %d changes after %d to warm up: A->B %s; B->C %s; A->C %s%n", server,
				CHANGES, WARM_UP, hopAToB, hopBToC, chain);
		assertThat(hopAToB.p99()).as("A->B p99 ms").isLessThan(50);
		assertThat(hopBToC.p99()).as("B->C p99 ms").isLessThan(50);
		assertThat(chain.p99()).as("A->C p99 ms").isLessThan(150);

		HealthCallCounter callsToA = a.context().getBean(HealthCallCounter.class);
		HealthCallCounter callsToB = b.context().getBean(HealthCallCounter.class);
		System.out.printf("%s upstream chain, Health calls after %d changes: to A %s; to B %s%n", server,
				WARM_UP + CHANGES, callsToA, callsToB);
		for (HealthCallCounter calls : List.of(callsToA, callsToB)) {
			assertThat(calls.fromUpstreamChecks("Watch")).as("Watch calls of the upstream check (%s)", calls)
				.isEqualTo(1);
			assertThat(calls.all("Check")).as("Check calls (%s)", calls).isZero();
		}

		int watchesBeforeDrain = callsToA.fromUpstreamChecks("Watch");
		long drainStarted = System.nanoTime();
		CompletableFuture<Void> closingA = CompletableFuture.runAsync(a::close);
		TimedWatch.Message drainedB = watchB.next();
		boolean heardDuringDrain = !closingA.isDone();
		TimedWatch.Message drainedC = watchC.next();
		closingA.get(30, TimeUnit.SECONDS);
		int watchesDuringDrain = callsToA.fromUpstreamChecks("Watch") - watchesBeforeDrain;
		System.out.printf(
				"%s upstream chain, A drains for %d ms: B told %s in %.1f ms, C in %.1f ms; "
						+ "Watch calls of B's check during the drain: %d%n",
				server, DRAIN_DELAY.toMillis(), drainedB.status(), drainedB.millisAfter(drainStarted),
				drainedC.millisAfter(drainStarted), watchesDuringDrain);
		assertThat(drainedB.status()).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(drainedC.status()).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(heardDuringDrain).as("B heard NOT_SERVING while A was still draining").isTrue();
		// The Watch call stays open through the delay; when A's store closes it, B calls
		// again at once (that call had said SERVING), is told NOT_SERVING and hung up on,
		// and then waits a second (grpc-java's health-check backoff) before the next.
		assertThat(watchesDuringDrain).as("Watch calls of B's check while A drained and stopped")
			.isLessThanOrEqualTo(3);
	}

	// Signed: the test's own client may hear A a moment after B does.
	private static double millisBetween(TimedWatch.Message first, TimedWatch.Message then) {
		return (then.arrived() - first.arrived()) / 1e6;
	}

	private TestGrpcServer.Started start(TestGrpcServer server, Class<?> application, String... properties) {
		return this.resources.keep(server.start(server.application(application, HealthCallCounter.Registration.class)
			.properties(properties)
			.properties(HealthCallCounter.PROPERTY)));
	}

	/**
	 * Percentiles of a list of milliseconds, nearest rank.
	 */
	record Latencies(double p50, double p99, double max) {

		static Latencies of(List<Double> millis) {
			List<Double> sorted = millis.stream().sorted().toList();
			return new Latencies(rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1));
		}

		private static double rank(List<Double> sorted, double percentile) {
			int rank = (int) Math.ceil(percentile * sorted.size());
			return sorted.get(Math.max(0, rank - 1));
		}

		@Override
		public String toString() {
			return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", this.p50, this.p99, this.max);
		}

	}

}
