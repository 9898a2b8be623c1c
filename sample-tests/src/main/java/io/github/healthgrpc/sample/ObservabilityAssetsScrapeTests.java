package io.github.healthgrpc.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard and the Prometheus alerting rules in docs/observability use only
 * metrics and labels that a real scrape of the running sample has: every
 * {@code grpc_health_*} name in their expressions is a series of the scrape, and every
 * label they select, group or join on is carried by a series of a metric that the same
 * expression uses ({@code job} and {@code instance} excepted: Prometheus adds them to
 * every series it scrapes).
 */
class ObservabilityAssetsScrapeTests extends AbstractSampleServerTests {

	private static final Path DIR = Path.of(System.getProperty("health-grpc.docs-dir", "../docs"), "observability");

	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

	private static final Pattern METRIC = Pattern.compile("\\b(grpc_health_[a-z_]+)\\b");

	// Label matchers inside braces: name=, name!=, name=~, name!~
	private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");

	private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)\\}");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");

	// The label argument of a Grafana label_values(metric, label) query.
	private static final Pattern LABEL_VALUES = Pattern
		.compile("label_values\\([^,]*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

	@LocalServerPort
	int httpPort;

	@Test
	void everyMetricAndLabelOfTheDashboardAndTheRulesIsInAScrape() throws Exception {
		pricingUp();
		// Timed evaluations of pricing appear after its first result.
		await().atMost(PATIENCE)
			.until(() -> PrometheusScrape.of(this.httpPort).has("grpc_health_check_duration_seconds_count"));
		PrometheusScrape scrape = PrometheusScrape.of(this.httpPort);
		List<String> expressions = new ArrayList<>();
		expressions.addAll(quoted(DIR.resolve("health-grpc-dashboard.json"),
				"\"(?:expr|definition)\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
		expressions.addAll(quoted(DIR.resolve("health-grpc-alerts.yml"), "(?m)^\\s*expr:\\s*(.+)$"));
		assertThat(expressions).hasSizeGreaterThan(10);
		Set<String> missing = new TreeSet<>();
		Set<String> metrics = new TreeSet<>();
		for (String expression : expressions) {
			Set<String> used = metrics(expression);
			metrics.addAll(used);
			used.stream().filter((name) -> !scrape.has(name)).forEach((name) -> missing.add("metric " + name));
			Set<String> carried = new TreeSet<>();
			used.forEach((name) -> carried.addAll(scrape.labelNames(name)));
			for (String label : labels(expression)) {
				if (!TARGET_LABELS.contains(label) && !carried.contains(label)) {
					missing.add("label " + label + " of " + used + " in: " + expression);
				}
			}
		}
		System.out.println("Observability assets: " + expressions.size() + " expressions, " + metrics.size()
				+ " metrics " + metrics + ", all checked against a scrape of the sample");
		assertThat(metrics).contains("grpc_health_serving", "grpc_health_check_up", "grpc_health_checks_stuck",
				"grpc_health_checks_late_starts_total", "grpc_health_watchers", "grpc_health_watchers_limit");
		assertThat(missing).as("names the dashboard or the rules use that the scrape does not have").isEmpty();
	}

	private static List<String> quoted(Path file, String regex) throws IOException {
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile(regex).matcher(Files.readString(file));
		while (matcher.find()) {
			found.add(matcher.group(1).replace("\\\"", "\""));
		}
		return found;
	}

	private static Set<String> metrics(String expression) {
		Set<String> names = new LinkedHashSet<>();
		Matcher metric = METRIC.matcher(expression);
		while (metric.find()) {
			names.add(metric.group(1));
		}
		return names;
	}

	private static Set<String> labels(String expression) {
		Set<String> labels = new LinkedHashSet<>();
		Matcher selector = SELECTOR.matcher(expression);
		while (selector.find()) {
			Matcher matcher = MATCHER.matcher(selector.group(1));
			while (matcher.find()) {
				labels.add(matcher.group(1));
			}
		}
		Matcher grouping = GROUPING.matcher(expression);
		while (grouping.find()) {
			for (String label : grouping.group(1).split(",")) {
				if (!label.isBlank()) {
					labels.add(label.strip());
				}
			}
		}
		Matcher values = LABEL_VALUES.matcher(expression);
		while (values.find()) {
			labels.add(values.group(1));
		}
		return labels;
	}

}
