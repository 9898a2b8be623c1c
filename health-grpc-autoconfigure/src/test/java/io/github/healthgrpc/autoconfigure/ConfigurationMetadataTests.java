package io.github.healthgrpc.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata that IDEs show against Spring Boot's guidelines for
 * descriptions: one plain sentence, never starting with "The" or "A".
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

	private static String metadata() throws IOException {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return new String(json.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
