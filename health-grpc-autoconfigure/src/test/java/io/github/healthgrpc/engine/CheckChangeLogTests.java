package io.github.healthgrpc.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that the log says one line per change at most once a second, and that after a
 * burst of unlogged changes it still says where the check settled.
 */
@ExtendWith(OutputCaptureExtension.class)
class CheckChangeLogTests {

	private final CheckChangeLog log = new CheckChangeLog();

	@Test
	void aBurstOfChangesIsLoggedOnceThenWhereItSettled(CapturedOutput output) {
		this.log.record("pricing", Health.up().build(), false);
		for (int i = 0; i < 100; i++) {
			this.log.record("pricing", (i % 2 == 0) ? Health.down().build() : Health.up().build(), false);
		}
		this.log.record("pricing", Health.down().withDetail("host", "pricing:9099").build(), false);
		assertThat(lines(output, "'pricing'")).isEqualTo(1);
		// Unchanged results keep arriving; a second after the last line, one says where
		// it settled.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			this.log.record("pricing", Health.down().withDetail("host", "pricing:9099").build(), false);
			assertThat(output)
				.contains("Health check 'pricing' settled DOWN: {host=pricing:9099} (100 earlier changes not logged)");
		});
		this.log.record("pricing", Health.down().build(), false);
		assertThat(lines(output, "'pricing'")).isEqualTo(2);
	}

	@Test
	void aFirstResultThatIsNotUpIsNotAWarning(CapturedOutput output) {
		this.log.record("readinessState", Health.outOfService().build(), false);
		// Only this check's line: the capture also holds other threads' output.
		assertThat(output.getAll().lines().filter((line) -> line.contains("'readinessState'")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("Health check 'readinessState' starts OUT_OF_SERVICE (no details)")
			.doesNotContain("WARN");
	}

	@Test
	void aFallDuringTheShutdownDrainIsNotAWarning(CapturedOutput output) {
		this.log.record("readinessState", Health.up().build(), false);
		this.log.record("readinessState", Health.outOfService().build(), true);
		assertThat(output.getAll().lines().filter((line) -> line.contains("'readinessState'")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("Health check 'readinessState' is OUT_OF_SERVICE during shutdown (no details)")
			.doesNotContain("WARN");
	}

	@Test
	void aFallWhileServingIsAWarning(CapturedOutput output) {
		this.log.record("db", Health.up().build(), false);
		this.log.record("db", Health.down().build(), false);
		assertThat(output.getAll().lines().filter((line) -> line.contains("'db'")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("WARN")
			.contains("Health check 'db' is DOWN (no details)");
	}

	private static long lines(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).count();
	}

}
