package io.github.healthgrpc.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata that IDEs show against Spring Boot's guidelines for
 * descriptions (one plain sentence, never starting with "The" or "A"), the value hints
 * that IDEs complete, and the auto-configuration metadata that lets Spring Boot filter
 * auto-configurations without loading them.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionThatStartsWithoutAnArticle() throws IOException {
		List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties");
		assertThat(properties).isNotEmpty()
			.allSatisfy(
					(property) -> assertThat(property.get("description")).as("description of %s", property.get("name"))
						.asString()
						.isNotBlank()
						.doesNotStartWith("The ")
						.doesNotStartWith("A ")
						.endsWith("."));
	}

	@Test
	void statusMappingKeysAndValuesAndProbeNamesHaveHints() throws IOException {
		String metadata = metadata();
		assertThat(hintValues(metadata, "grpc.health.status.mapping.keys")).containsExactly("UP", "DOWN",
				"OUT_OF_SERVICE", "UNKNOWN");
		assertThat(hintValues(metadata, "grpc.health.status.mapping.values")).containsExactly("serving", "not-serving");
		assertThat(hintValues(metadata, "grpc.health.probes.liveness-service")).containsExactly("liveness");
		assertThat(hintValues(metadata, "grpc.health.probes.readiness-service")).containsExactly("readiness");
	}

	@Test
	void everyHintNamesAPropertyThatExists() throws IOException {
		String metadata = metadata();
		List<String> properties = JsonPath.read(metadata, "$.properties[*].name");
		List<String> hinted = JsonPath.read(metadata, "$.hints[*].name");
		assertThat(hinted).isNotEmpty()
			.allSatisfy((name) -> assertThat(properties).contains(name.replaceFirst("\\.(keys|values)$", "")));
	}

	@Test
	void defaultValuesComeFromTheFieldsRatherThanHandWrittenMetadata() throws IOException {
		String metadata = metadata();
		assertThat(defaultValue(metadata, "grpc.health.defaults.interval")).isEqualTo("5s");
		assertThat(defaultValue(metadata, "grpc.health.defaults.timeout")).isEqualTo("2s");
		assertThat(defaultValue(metadata, "grpc.health.watch.max-watchers")).isEqualTo(10000);
		assertThat(defaultValue(metadata, "grpc.health.watch.max-unknown-services")).isEqualTo(100);
		assertThat(defaultValue(metadata, "grpc.health.resources.heap.warn-threshold")).isEqualTo(0.9);
		assertThat(defaultValue(metadata, "grpc.health.resources.cpu.fail-threshold")).isEqualTo(0.95);
		List<String> handWritten;
		try (InputStream json = new ClassPathResource("META-INF/additional-spring-configuration-metadata.json")
			.getInputStream()) {
			handWritten = JsonPath.read(json, "$.properties[?(@.defaultValue != null)].name");
		}
		assertThat(handWritten).noneMatch((name) -> name.startsWith("grpc.health."));
	}

	private static Object defaultValue(String metadata, String name) {
		List<Object> values = JsonPath.read(metadata, "$.properties[?(@.name == '" + name + "')].defaultValue");
		assertThat(values).as("default value of %s", name).hasSize(1);
		return values.get(0);
	}

	@Test
	void autoConfigurationMetadataIsGeneratedForEveryAutoConfiguration() throws IOException {
		Properties metadata = new Properties();
		try (InputStream in = new ClassPathResource("META-INF/spring-autoconfigure-metadata.properties")
			.getInputStream()) {
			metadata.load(in);
		}
		List<String> autoConfigurations;
		try (InputStream in = new ClassPathResource(
				"META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
			.getInputStream()) {
			autoConfigurations = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		assertThat(autoConfigurations).isNotEmpty()
			.allSatisfy((name) -> assertThat(metadata.stringPropertyNames()).anyMatch((key) -> key.startsWith(name)));
	}

	private static List<String> hintValues(String metadata, String name) {
		return JsonPath.read(metadata, "$.hints[?(@.name == '" + name + "')].values[*].value");
	}

	private static String metadata() throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return new String(json.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
