package io.github.healthgrpc.resources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class HeapCheckTests {

	private static final long MB = 1024 * 1024;

	private final Thresholds thresholds = new Thresholds(0.9, 0.98);

	@Test
	void theRatioIsThePoolsUsageAfterItsLastCollectionOverItsMaximum() throws Exception {
		Health health = evaluate(new HeapReading("G1 Old Gen", 450 * MB, 1000 * MB));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("pool", "G1 Old Gen")
			.containsEntry("used", 450 * MB)
			.containsEntry("max", 1000 * MB)
			.containsEntry("ratio", 0.45)
			.containsEntry("observedValue", 45.0)
			.containsEntry("observedUnit", "percent");
	}

	@Test
	void aPoolAboveTheWarnThresholdIsUpWithAWarningNamingThePool() throws Exception {
		Health health = evaluate(new HeapReading("Tenured Gen", 950 * MB, 1000 * MB));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("warning",
				"heap after GC (Tenured Gen) at 95.0%, at or above the warn threshold of 90.0%");
	}

	@Test
	void aFullPoolIsDown() throws Exception {
		assertThat(evaluate(new HeapReading("PS Old Gen", 1000 * MB, 1000 * MB)).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aPoolWithoutAMaximumIsUnknownSayingSo() throws Exception {
		Health health = evaluate(new HeapReading("ZHeap", 450 * MB, -1));
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "the JVM reports no maximum size for ZHeap")
			.doesNotContainKey("ratio");
	}

	@ParameterizedTest
	@ValueSource(strings = { "G1 Old Gen", "PS Old Gen", "Tenured Gen", "CMS Old Gen", "ZHeap", "ZGC Old Generation",
			"Shenandoah", "Shenandoah Old Generation", "tenured-SOA", "JavaHeap" })
	void longLivedPoolsOfEveryCollectorAreRecognised(String name) {
		assertThat(LongLivedHeap.isLongLived(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "G1 Eden Space", "G1 Survivor Space", "PS Eden Space", "Eden Space", "Survivor Space",
			"ZGC Young Generation", "nursery-allocate", "Metaspace", "CodeHeap 'non-nmethods'" })
	void shortLivedAndNonHeapPoolsAreNot(String name) {
		assertThat(LongLivedHeap.isLongLived(name)).isFalse();
	}

	@Test
	void thisJvmHasALongLivedPoolWithAMaximum() {
		HeapReading reading = new LongLivedHeap().get();
		assertThat(reading.pool()).doesNotStartWith("heap");
		assertThat(reading.max()).isPositive();
	}

	private Health evaluate(HeapReading reading) throws Exception {
		return new HeapCheck(() -> reading, this.thresholds).evaluate().toCompletableFuture().get();
	}

}
