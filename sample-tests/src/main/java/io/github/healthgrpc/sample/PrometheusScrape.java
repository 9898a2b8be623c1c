package io.github.healthgrpc.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scrape of a running sample's {@code /actuator/prometheus} over real HTTP, as a
 * Prometheus server reads it: the text exposition format, one sample per line.
 */
final class PrometheusScrape {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<Series> series;

	private PrometheusScrape(List<Series> series) {
		this.series = series;
	}

	/**
	 * Scrape the sample, which must answer 200 in Prometheus' text format.
	 */
	static PrometheusScrape of(int httpPort) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus"))
			.header("Accept", "text/plain")
			.timeout(Duration.ofSeconds(5))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		List<Series> series = new ArrayList<>();
		response.body().lines().filter((line) -> !line.startsWith("#")).forEach((line) -> {
			Matcher sample = SAMPLE.matcher(line);
			if (sample.matches()) {
				series.add(new Series(sample.group(1), labels(sample.group(2)), Double.parseDouble(sample.group(3))));
			}
		});
		return new PrometheusScrape(series);
	}

	/**
	 * The value of the one series of this name that has these labels (and maybe others).
	 * @param name the series name, such as {@code grpc_health_check_up}
	 * @param labels label names and values, alternating
	 */
	double value(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		List<Series> matching = this.series.stream()
			.filter((series) -> series.name().equals(name))
			.filter((series) -> series.labels().entrySet().containsAll(wanted.entrySet()))
			.toList();
		assertThat(matching).as("series %s%s in the scrape", name, wanted).hasSize(1);
		return matching.get(0).value();
	}

	/**
	 * The label names that the series of this name carry, across all of them.
	 * @param name the series name
	 * @return the label names, empty when no series has that name
	 */
	Set<String> labelNames(String name) {
		Set<String> names = new TreeSet<>();
		this.series.stream()
			.filter((series) -> series.name().equals(name))
			.forEach((series) -> names.addAll(series.labels().keySet()));
		return names;
	}

	/**
	 * Whether any series has this name.
	 * @param name the series name
	 * @return whether the scrape has it
	 */
	boolean has(String name) {
		return this.series.stream().anyMatch((series) -> series.name().equals(name));
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (text != null) {
			Matcher label = LABEL.matcher(text);
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
		}
		return labels;
	}

	private record Series(String name, Map<String, String> labels, double value) {
	}

}
