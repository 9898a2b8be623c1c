package io.github.healthgrpc.docs;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md and the generated configuration metadata agree: every property in
 * {@code META-INF/spring-configuration-metadata.json} has a row of the page's tables, and
 * every {@code grpc.health.*} name the page writes exists.
 *
 * <p>
 * A map property (such as {@code grpc.health.checks}, a map of check name to settings) is
 * documented by its entries' properties with the key as a placeholder:
 * {@code grpc.health.checks.<check>.interval}. The entries' properties are read from the
 * map's value type; a map of plain values (such as {@code grpc.health.status.mapping}) is
 * one row, {@code grpc.health.status.mapping.<status>}. A page name matches with any
 * placeholder, a concrete key ({@code demo.Inventory}) or a bracketed one, and a group's
 * name ({@code grpc.health.watch}) matches when properties sit under it.
 */
class DocsConfigurationReferenceTests {

	private static final String PAGE = "docs/configuration.md";

	// A table row's first cell, in backticks.
	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9.<>\\[\\]-]*)`\\s*\\|",
			Pattern.MULTILINE);

	private static final Pattern NAME = Pattern.compile("`(grpc\\.health\\.[A-Za-z0-9.<>\\[\\]*_-]*[A-Za-z0-9>\\]])");

	@Test
	void everyPropertyInTheMetadataHasARowOnTheConfigurationPage() throws IOException {
		Set<String> documented = rows();
		Set<String> expected = expectedRows();
		System.out.println("Configuration page: " + expected.size() + " properties in the metadata, "
				+ documented.size() + " rows");
		assertThat(expected).as("properties of the metadata without a row in " + PAGE)
			.allSatisfy((property) -> assertThat(documented).contains(property));
	}

	@Test
	void everyGrpcHealthNameOnTheConfigurationPageExists() throws IOException {
		List<Pattern> known = expectedRows().stream().map(DocsConfigurationReferenceTests::pattern).toList();
		Set<String> meters = meters();
		Set<String> unknown = new TreeSet<>();
		Matcher name = NAME.matcher(Docs.read(Docs.ROOT.resolve(PAGE)));
		while (name.find()) {
			String written = name.group(1);
			boolean exists = known.stream().anyMatch((property) -> property.matcher(written).matches())
					|| expectedRows().stream().anyMatch((property) -> property.startsWith(written + "."));
			// Not properties: the protocol's own names, and the meters docs/metrics.md
			// lists.
			boolean other = written.startsWith("grpc.health.v1.") || meters.contains(written);
			if (!exists && !other) {
				unknown.add(written);
			}
		}
		assertThat(unknown).as("grpc.health names in " + PAGE + " that no property has").isEmpty();
	}

	// The meter names of docs/metrics.md: its tables' first column, tags left out, and
	// the observation and the timers Spring Boot derives from it.
	private static Set<String> meters() {
		Set<String> meters = new TreeSet<>();
		Matcher row = Pattern.compile("^\\|\\s*`(grpc\\.health\\.[a-z.]+)(?:\\{[^}]*\\})?`", Pattern.MULTILINE)
			.matcher(Docs.read(Docs.ROOT.resolve("docs/metrics.md")));
		while (row.find()) {
			meters.add(row.group(1));
		}
		Matcher observation = Pattern.compile("observation named `(grpc\\.health\\.[a-z.]+)`")
			.matcher(Docs.read(Docs.ROOT.resolve("docs/metrics.md")));
		while (observation.find()) {
			meters.add(observation.group(1));
		}
		assertThat(meters).as("meters listed in docs/metrics.md").contains("grpc.health.serving", "grpc.health.check");
		return meters;
	}

	private static Set<String> rows() {
		Set<String> rows = new LinkedHashSet<>();
		Matcher row = ROW.matcher(Docs.read(Docs.ROOT.resolve(PAGE)));
		while (row.find()) {
			rows.add(row.group(1));
		}
		return rows;
	}

	// Each property of the metadata, maps expanded into their entries' properties.
	static Set<String> expectedRows() throws IOException {
		Set<String> rows = new TreeSet<>();
		metadata().forEach((name, type) -> {
			Matcher map = Pattern.compile("java\\.util\\.Map<java\\.lang\\.String,\\s*(.+)>").matcher(type);
			if (!map.matches()) {
				rows.add(name);
				return;
			}
			String key = "<" + placeholder(name) + ">";
			Class<?> valueType = ClassUtils.resolveClassName(map.group(1), null);
			if (BeanUtils.isSimpleValueType(valueType)) {
				rows.add(name + "." + key);
				return;
			}
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(valueType)) {
				if (!"class".equals(property.getName())) {
					// keepaliveTime -> keepalive-time, as the metadata writes a property
					rows.add(name + "." + key + "." + DataObjectPropertyName.toDashedForm(property.getName()));
				}
			}
		});
		return rows;
	}

	// grpc.health.checks -> check, grpc.health.services -> service, ...status.mapping ->
	// status
	private static String placeholder(String mapProperty) {
		String last = mapProperty.substring(mapProperty.lastIndexOf('.') + 1);
		if ("mapping".equals(last)) {
			String parent = mapProperty.substring(0, mapProperty.lastIndexOf('.'));
			return parent.substring(parent.lastIndexOf('.') + 1);
		}
		return last.endsWith("s") ? last.substring(0, last.length() - 1) : last;
	}

	// A row such as grpc.health.services.<service>.include matches the row itself, a
	// concrete key (dots allowed: demo.Inventory) and a bracketed key.
	private static Pattern pattern(String row) {
		StringBuilder regex = new StringBuilder();
		Matcher placeholder = Pattern.compile("\\.<[a-z-]+>").matcher(row);
		int end = 0;
		while (placeholder.find()) {
			regex.append(Pattern.quote(row.substring(end, placeholder.start())));
			regex.append("(?:\\.<[a-z-]+>|\\[[^\\]]+\\]|\\.[A-Za-z0-9_.*-]+?)");
			end = placeholder.end();
		}
		regex.append(Pattern.quote(row.substring(end)));
		return Pattern.compile(regex.toString());
	}

	private static Map<String, String> metadata() throws IOException {
		// This module's own, as the build generated it (other jars on the class path have
		// one too).
		try (InputStream json = Files
			.newInputStream(Path.of("target/classes/META-INF/spring-configuration-metadata.json"))) {
			List<Map<String, Object>> properties = JsonPath
				.read(new String(json.readAllBytes(), StandardCharsets.UTF_8), "$.properties[*]");
			Map<String, String> types = new LinkedHashMap<>();
			for (Map<String, Object> property : new ArrayList<>(properties)) {
				types.put((String) property.get("name"), String.valueOf(property.get("type")));
			}
			assertThat(types).as("the generated metadata").isNotEmpty().containsKey("grpc.health.enabled");
			return types;
		}
	}

}
