package io.github.healthgrpc.resources;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdsTests {

	private final Thresholds thresholds = new Thresholds(0.9, 0.98);

	@Test
	void aRatioBelowTheWarnThresholdIsUpWithoutAWarning() {
		Health health = this.thresholds.assess(0.8999, "heap", Map.of());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKeys("warning", "reason");
	}

	@Test
	void aRatioAtTheWarnThresholdIsUpWithAWarning() {
		Health health = this.thresholds.assess(0.9, "heap after GC", Map.of());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("warning",
				"heap after GC at 90.0%, at or above the warn threshold of 90.0%");
		assertThat(health.getDetails()).doesNotContainKey("reason");
	}

	@Test
	void aRatioJustBelowTheFailThresholdIsStillUpWithAWarning() {
		Health health = this.thresholds.assess(0.9799, "heap", Map.of());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("warning");
	}

	@Test
	void aRatioAtTheFailThresholdIsDownWithTheReason() {
		Health health = this.thresholds.assess(0.98, "process CPU", Map.of());
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason",
				"process CPU at 98.0%, at or above the fail threshold of 98.0%");
		assertThat(health.getDetails()).doesNotContainKey("warning");
	}

	@Test
	void aRatioAboveOneIsDown() {
		assertThat(this.thresholds.assess(1.02, "process CPU", Map.of()).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void theObservedValueIsThePercentageAfterTheCheckOwnDetailsThenTheThresholds() {
		Health health = this.thresholds.assess(0.12345, "heap", Map.of("ratio", 0.12345));
		assertThat(health.getDetails()).containsExactly(Map.entry("ratio", 0.12345), Map.entry("observedValue", 12.3),
				Map.entry("observedUnit", "percent"), Map.entry("warnThreshold", 0.9),
				Map.entry("failThreshold", 0.98));
	}

}
