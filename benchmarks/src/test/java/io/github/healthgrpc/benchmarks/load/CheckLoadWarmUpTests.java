package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.grpc.Server;
import io.grpc.protobuf.services.HealthStatusManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed-loop load's warm-up ends on the server's JIT going quiet, not on the clock,
 * and on its bound when the JIT never does: a probe whose compilation time grows for the
 * first 2.5 s stands in for a peer's JIT.
 */
class CheckLoadWarmUpTests {

	private Server server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = LoopbackServers.start(new HealthStatusManager().getHealthService());
	}

	@AfterEach
	void stopServer() throws InterruptedException {
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

	@Test
	void theWarmUpEndsOnceTheJitIsQuiet() throws InterruptedException {
		long start = System.nanoTime();
		// 100 ms of compilation per 100 ms for 2.5 s, then none.
		CheckLoad.Result result = run(() -> 1 + Math.min(2_500, (System.nanoTime() - start) / 1_000_000),
				Duration.ofSeconds(8));
		System.out.printf("warm-up with a JIT quiet after 2.5 s: %.0f ms (%s)%n", result.warmUpMillis(),
				result.warmUpEnd());
		assertThat(result.warmedUp()).isTrue();
		// The first quiet whole window ends at 3 or 4 s, well before the 8 s bound.
		assertThat(result.warmUpMillis()).isBetween(2_900.0, 6_000.0);
	}

	@Test
	void theWarmUpEndsOnItsBoundWhileTheJitKeepsCompiling() throws InterruptedException {
		long start = System.nanoTime();
		CheckLoad.Result result = run(() -> 1 + (System.nanoTime() - start) / 1_000_000, Duration.ofSeconds(3));
		System.out.printf("warm-up with a JIT never quiet: %.0f ms (%s)%n", result.warmUpMillis(), result.warmUpEnd());
		assertThat(result.warmedUp()).isFalse();
		assertThat(result.warmUpMillis()).isGreaterThanOrEqualTo(2_900.0);
	}

	private CheckLoad.Result run(LongSupplier compileMillis, Duration longest) throws InterruptedException {
		ServerProbe probe = new ServerProbe() {

			@Override
			public long compileMillis() {
				return compileMillis.getAsLong();
			}

			@Override
			public void periodStarts() {
			}

			@Override
			public void periodEnds(long calls) {
			}

		};
		try (Channels channels = new Channels(this.server.getPort(), 2)) {
			return new CheckLoad(channels, () -> 0, probe).run(4, longest, Duration.ofMillis(100));
		}
	}

}
