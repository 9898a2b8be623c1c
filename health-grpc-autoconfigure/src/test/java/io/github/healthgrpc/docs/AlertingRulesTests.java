package io.github.healthgrpc.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Prometheus alerting rules in docs/observability are valid and fire as their tests
 * say, checked by Prometheus's own {@code promtool} ({@code check rules}, then
 * {@code test rules}). Without {@code promtool} on the PATH the test is skipped, unless
 * {@code HEALTH_GRPC_REQUIRE_PROMTOOL=true} (as {@code .ci/run} sets) makes that a
 * failure. The metric and label names the rules use are checked against a real scrape of
 * the samples in sample-tests ({@code ObservabilityAssetsScrapeTests}).
 */
class AlertingRulesTests {

	private static final Path DIR = Docs.ROOT.resolve("docs/observability");

	@Test
	void promtoolChecksTheRules() throws Exception {
		String printed = promtool("check", "rules", "health-grpc-alerts.yml");
		System.out.println(printed);
		assertThat(printed).contains("SUCCESS");
	}

	@Test
	void promtoolRunsTheRulesTests() throws Exception {
		String printed = promtool("test", "rules", "health-grpc-alerts.test.yml");
		System.out.println(printed);
		assertThat(printed).contains("SUCCESS");
	}

	private static String promtool(String... arguments) throws IOException, InterruptedException {
		requirePromtool();
		Process process = new ProcessBuilder(command(arguments)).directory(DIR.toFile())
			.redirectErrorStream(true)
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("promtool did not finish within 120 s");
		}
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue())
			.as("promtool %s exit code; it printed:%n%s", String.join(" ", arguments), printed)
			.isZero();
		return printed;
	}

	private static List<String> command(String... arguments) {
		return Stream.concat(Stream.of("promtool"), Arrays.stream(arguments)).toList();
	}

	private static void requirePromtool() throws InterruptedException {
		try {
			Process version = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
			version.getInputStream().readAllBytes();
			if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
				return;
			}
		}
		catch (IOException ex) {
			// Not on the PATH.
		}
		String missing = "'promtool' is not on the PATH (Debian: apt-get install --no-install-recommends prometheus)";
		if (Boolean.parseBoolean(System.getenv("HEALTH_GRPC_REQUIRE_PROMTOOL"))) {
			fail("promtool is required (HEALTH_GRPC_REQUIRE_PROMTOOL=true) but " + missing);
		}
		Assumptions.abort("Skipping the alerting rules' tests: " + missing);
	}

}
