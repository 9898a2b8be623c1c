package io.github.healthgrpc.resources;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class CpuCheckTests {

	private final Thresholds thresholds = new Thresholds(0.8, 0.95);

	private final Deque<CpuSample> samples = new ArrayDeque<>();

	@Test
	void theFirstEvaluationMeasuresTheTimeSinceTheCheckWasCreated() throws Exception {
		sample(0, 0, 2);
		CpuCheck check = check(Duration.ofMinutes(1));
		sample(1000, 1000, 2);
		Health health = evaluate(check);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("load", 0.5)
			.containsEntry("window", "PT1S")
			.containsEntry("processors", 2)
			.containsEntry("observedValue", 50.0)
			.containsEntry("observedUnit", "percent");
	}

	@Test
	void aBurstLeavesTheLoadOnceItIsOlderThanTheWindow() throws Exception {
		// Both processors busy for the first second, idle afterwards; one sample a
		// second.
		sample(0, 0, 2);
		CpuCheck check = check(Duration.ofSeconds(2));
		sample(1000, 2000, 2);
		assertThat(evaluate(check).getStatus()).isEqualTo(Status.DOWN);
		sample(2000, 2000, 2);
		assertThat(evaluate(check).getDetails()).containsEntry("load", 0.5).containsEntry("window", "PT2S");
		sample(3000, 2000, 2);
		assertThat(evaluate(check).getDetails()).containsEntry("load", 0.0).containsEntry("window", "PT2S");
	}

	@Test
	void theSpanCoversAtLeastTheWindowFromTheNewestSampleOldEnough() throws Exception {
		sample(0, 0, 1);
		CpuCheck check = check(Duration.ofMillis(2500));
		for (int second = 1; second <= 4; second++) {
			sample(second * 1000, second * 500, 1);
			evaluate(check);
		}
		sample(5000, 2500, 1);
		// Samples at 0..4 s: at 5 s the newest one at least 2.5 s old is at 2 s.
		assertThat(evaluate(check).getDetails()).containsEntry("window", "PT3S").containsEntry("load", 0.5);
	}

	@Test
	void theProcessorsOfTheLatestSampleCount() throws Exception {
		sample(0, 0, 4);
		CpuCheck check = check(Duration.ofMinutes(1));
		// A container's CPU limit lowered from 4 to 1 processor: one busy processor is
		// all of it.
		sample(1000, 1000, 1);
		Health health = evaluate(check);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("load", 1.0);
	}

	@Test
	void aJvmThatStopsReportingCpuTimeIsUnknownSayingSo() throws Exception {
		sample(0, 0, 2);
		CpuCheck check = check(Duration.ofMinutes(1));
		sample(1000, -1, 2);
		Health health = evaluate(check);
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "the JVM did not report the process's CPU time");
	}

	@Test
	void withoutABaselineTheFirstEvaluationIsUnknownAndTheNextMeasures() throws Exception {
		sample(0, -1, 2);
		CpuCheck check = check(Duration.ofMinutes(1));
		sample(1000, 1000, 2);
		assertThat(evaluate(check).getStatus()).isEqualTo(Status.UNKNOWN);
		sample(2000, 1200, 2);
		assertThat(evaluate(check).getDetails()).containsEntry("load", 0.1);
	}

	// The check reads the queued samples in order, its first when it is created.
	private CpuCheck check(Duration window) {
		return new CpuCheck(this.samples::removeFirst, window, this.thresholds);
	}

	private void sample(long wallMillis, long cpuMillis, int processors) {
		this.samples.add(new CpuSample(TimeUnit.MILLISECONDS.toNanos(wallMillis),
				(cpuMillis < 0) ? -1 : TimeUnit.MILLISECONDS.toNanos(cpuMillis), processors));
	}

	private static Health evaluate(CpuCheck check) throws Exception {
		return check.evaluate().toCompletableFuture().get();
	}

}
