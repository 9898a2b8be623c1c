package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves on each server that grpc-java's client-side health checking ({@code round_robin}
 * with {@code healthCheckConfig}, over Watch) takes a backend out of a client's balancer
 * as soon as its service turns NOT_SERVING, and at the start of its drain: after the
 * Watch message has reached the client, no call goes to that backend, the other answers
 * every call, and a backend that recovers gets calls again.
 */
class ClientSideHealthCheckingTests {

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);

	// The change is pushed over Watch: milliseconds, where a polling client would take
	// its interval. Generous for a busy machine, and below the drain delay.
	private static final Duration CLIENT_LEAVES_WITHIN = Duration.ofSeconds(1);

	// Enough calls after the client left the backend to show that none goes to it.
	private static final int CALLS_ON_THE_OTHER = 200;

	@AutoClose
	private final TwoBackends backends = new TwoBackends();

	@ParameterizedTest
	@EnumSource
	void aBackendWhoseServiceTurnsNotServingGetsNoCallsUntilItRecovers(TestGrpcServer server) {
		this.backends.start(server, Duration.ZERO);
		ManualHealthCheck ready = this.backends.a().context().getBean(ManualHealthCheck.class);
		long change = System.nanoTime();
		ready.down("taken out by the test");
		long left = leftBackendA(server, "NOT_SERVING", change, arrivalsOnA());
		long recovery = System.nanoTime();
		ready.up();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.backends.calls().answeredBy("A", recovery) > 0);
		System.out.printf("%s, A SERVING again: first call on A %d ms after the change%n", server,
				millisSince(recovery, this.backends.calls().firstAnsweredBy("A", recovery)));
		assertThat(left).isLessThan(recovery);
		assertThat(this.backends.calls().failures()).as("failed calls").isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void aDrainingBackendGetsNoMoreCallsWhileTheOtherKeepsAnswering(TestGrpcServer server) throws Exception {
		this.backends.start(server, DRAIN_DELAY);
		EchoBackend.Arrivals arrivalsOnA = arrivalsOnA();
		long close = System.nanoTime();
		CompletableFuture<Void> closing = CompletableFuture.runAsync(this.backends.a()::close);
		leftBackendA(server, "drain", close, arrivalsOnA);
		closing.get(30, TimeUnit.SECONDS);
		long closed = System.nanoTime();
		await().until(() -> this.backends.calls().answeredBy("B", closed) >= CALLS_ON_THE_OTHER);
		System.out.printf("%s, A's close() returned after %d ms (drain delay %d ms); %d calls in all, none failed%n",
				server, millisSince(close, closed), DRAIN_DELAY.toMillis(), this.backends.calls().count());
		assertThat(millisSince(close, closed)).isGreaterThanOrEqualTo(DRAIN_DELAY.toMillis());
		assertThat(this.backends.calls().failures()).as("failed calls").isEmpty();
	}

	/**
	 * Waits until the client has left backend A after a change, and proves that it sends
	 * A nothing from then on while B answers.
	 * @return when the client started using a picker without A
	 */
	private long leftBackendA(TestGrpcServer server, String change, long changed, EchoBackend.Arrivals arrivalsOnA) {
		BalancedCalls calls = this.backends.calls();
		long left = this.backends.pickerChanges().awaitChangeAfter(changed, Duration.ofSeconds(10));
		await().until(() -> calls.answeredBy("B", left) >= CALLS_ON_THE_OTHER);
		long lateOnA = arrivalsOnA.since(changed);
		System.out.printf(
				"%s, A %s: the client left A %d ms after the change; %d calls reached A after the change, "
						+ "the last %d ms after it; calls started after the client left A: %d on A, %d on B%n",
				server, change, millisSince(changed, left), lateOnA,
				(lateOnA > 0) ? millisSince(changed, arrivalsOnA.last()) : 0, calls.answeredBy("A", left),
				calls.answeredBy("B", left));
		assertThat(calls.answeredBy("A", left)).as("calls started on A after the client left it").isZero();
		assertThat(millisSince(changed, left)).as("ms until the client left A")
			.isLessThan(CLIENT_LEAVES_WITHIN.toMillis());
		return left;
	}

	private EchoBackend.Arrivals arrivalsOnA() {
		return this.backends.a().context().getBean(EchoBackend.Arrivals.class);
	}

	private static long millisSince(long start, long end) {
		return TimeUnit.NANOSECONDS.toMillis(end - start);
	}

}
