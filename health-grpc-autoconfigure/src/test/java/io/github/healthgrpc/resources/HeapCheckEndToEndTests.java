package io.github.healthgrpc.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves the heap check on the JVM's real memory pools, through a real gRPC Check: memory
 * the application retains turns the check to a warning, then takes its service out, and
 * released, brings it back. {@code System.gc()} stands for the collections a busy heap
 * has anyway: the check reads what the last one left.
 */
class HeapCheckEndToEndTests {

	private static final int CHUNK = 256 * 1024;

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final List<byte[]> retained = new ArrayList<>();

	@Test
	void retainedMemoryWarnsThenTakesTheServiceOutAndReleasedBringsItBack() throws Exception {
		System.gc();
		HeapReading before = new LongLivedHeap().get();
		// Half a gigabyte, or a quarter of a small heap; thresholds between its halves,
		// well clear of what the application itself retains.
		long retain = Math.min(512L * 1024 * 1024, before.max() / 4);
		double warn = (before.used() + retain * 0.3) / before.max();
		double fail = (before.used() + retain * 0.8) / before.max();
		try (RunningService heap = new RunningService(TestGrpcServer.BOOT, "demo.Heap", "heap",
				"grpc.health.resources.heap.enabled=true", "grpc.health.checks.heap.interval=100ms",
				"grpc.health.resources.heap.warn-threshold=" + warn,
				"grpc.health.resources.heap.fail-threshold=" + fail)) {
			awaitAfterCollections(heap, ServingStatus.SERVING);
			assertThat(heap.result().getDetails()).doesNotContainKey("warning");
			print("at start", heap.result());

			retain(retain / 2);
			await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
				System.gc();
				return heap.result().getDetails().containsKey("warning");
			});
			assertThat(heap.result().getStatus()).isEqualTo(Status.UP);
			assertThat(heap.status()).isEqualTo(ServingStatus.SERVING);
			print("half retained", heap.result());

			retain(retain / 2);
			awaitAfterCollections(heap, ServingStatus.NOT_SERVING);
			assertThat(heap.result().getStatus()).isEqualTo(Status.DOWN);
			assertThat(heap.result().getDetails()).containsKey("reason");
			print("all retained", heap.result());

			this.retained.clear();
			awaitAfterCollections(heap, ServingStatus.SERVING);
			print("released", heap.result());
		}
	}

	private void retain(long bytes) {
		// Chunks small enough for any collector's young space, so they are promoted like
		// ordinary objects rather than placed as humongous ones.
		for (long held = 0; held < bytes; held += CHUNK) {
			this.retained.add(new byte[CHUNK]);
		}
	}

	private static void awaitAfterCollections(RunningService heap, ServingStatus expected) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
			System.gc();
			return heap.status() == expected;
		});
	}

	private static void print(String moment, Health health) {
		System.out.printf(Locale.ROOT, "heap %s: %s %s of %s after GC (%s%%, warn %.4f, fail %.4f)%n", moment,
				health.getStatus(), health.getDetails().get("used"), health.getDetails().get("max"),
				health.getDetails().get("observedValue"), health.getDetails().get("warnThreshold"),
				health.getDetails().get("failThreshold"));
	}

}
