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
		assertThat(properties).isNotEmpty().allSatisfy((property) -> assertThat(property.get("description"))
			.as("description of %s", property.get("name"))
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
		assertThat(hintValues(metadata, "grpc.health.status.mapping.values")).containsExactly("serving",
				"not-serving");
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
