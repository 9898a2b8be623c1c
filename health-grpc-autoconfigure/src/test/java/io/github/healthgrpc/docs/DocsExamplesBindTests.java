package io.github.healthgrpc.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.file.HealthFileAutoConfiguration;
import io.github.healthgrpc.autoconfigure.resources.ResourceChecksAutoConfiguration;
import io.github.healthgrpc.autoconfigure.upstream.UpstreamChecksAutoConfiguration;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.grpc.client.autoconfigure.CompositeChannelFactoryAutoConfiguration;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code yaml} and {@code properties} example in README.md and docs/ that sets
 * {@code grpc.health} properties starts health-grpc as an application would: Spring Boot
 * loads the block as it loads {@code application.yml}, and health-grpc's
 * auto-configuration binds it with its real binder and validates it (unknown properties,
 * bad values, unknown check names, thresholds). A typo in an example fails here as it
 * would fail an application.
 *
 * <p>
 * The examples name the checks of the samples and of the guide ({@link #CHECKS}): each is
 * registered as a stub check, so that check names are validated too, and a name that is
 * not one of them fails. Upstream checks ({@code grpc.health.upstreams}) are made by the
 * examples themselves, on Spring Boot's gRPC client for those that name a channel. Two
 * values are replaced, and only these, because they name the machine rather than the
 * configuration: a health file path (by a file in a temporary directory; its directory
 * must exist) and a health port (by {@code 0}, any free port).
 */
class DocsExamplesBindTests {

	/** The check names the examples may use: the samples' and the guide's. */
	static final List<String> CHECKS = List.of("db", "pricing", "diskSpace", "cache-warm");

	@TempDir
	Path temp;

	@Test
	void everyGrpcHealthExampleBindsAndValidates() throws IOException {
		List<Example> examples = examples();
		System.out.println("Docs examples: " + examples.size() + " yaml and properties blocks with grpc.health");
		assertThat(examples).hasSizeGreaterThan(5);
		List<String> failures = new ArrayList<>();
		for (Example example : examples) {
			runner(example).run((context) -> {
				if (context.getStartupFailure() != null) {
					failures.add(example.where() + ": " + rootMessage(context.getStartupFailure()));
				}
				else {
					assertThat(context).hasSingleBean(StatusStore.class);
				}
			});
		}
		assertThat(failures).as("examples that do not bind").isEmpty();
	}

	@Test
	void aTypoInAnExampleFails() throws IOException {
		Example typo = new Example("test", yaml("grpc:\n  health:\n    overall:\n      includes: [db]\n"));
		runner(typo).run((context) -> assertThat(context).hasFailed());
		Example unknownCheck = new Example("test", yaml("grpc:\n  health:\n    overall:\n      include: [pricng]\n"));
		runner(unknownCheck).run((context) -> assertThat(context).hasFailed());
	}

	private ApplicationContextRunner runner(Example example) {
		Map<String, Object> machine = new LinkedHashMap<>();
		for (String name : example.source().getPropertyNames()) {
			if (name.equals("grpc.health.file.path")) {
				machine.put(name, this.temp.resolve("health.json").toString());
			}
			else if (name.equals("grpc.health.port")) {
				machine.put(name, "0");
			}
		}
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthGrpcAutoConfiguration.class, ResourceChecksAutoConfiguration.class,
					HealthFileAutoConfiguration.class, SslAutoConfiguration.class, GrpcClientAutoConfiguration.class,
					CompositeChannelFactoryAutoConfiguration.class, UpstreamChecksAutoConfiguration.class))
			.withUserConfiguration(StubChecks.class)
			.withInitializer((context) -> {
				context.getEnvironment().getPropertySources().addFirst(example.source());
				context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("machine", machine));
			});
	}

	private static List<Example> examples() throws IOException {
		List<Example> examples = new ArrayList<>();
		for (Path file : Docs.markdownFiles()) {
			for (Docs.CodeBlock block : Docs.codeBlocks(Docs.read(file))) {
				String where = Docs.relative(file) + ":" + block.line();
				EnumerablePropertySource<?> source = switch (block.language()) {
					case "yaml", "yml" -> yaml(block.body());
					case "properties" -> properties(block.body());
					default -> null;
				};
				if (source != null && setsGrpcHealth(source)) {
					examples.add(new Example(where, source));
				}
			}
		}
		return examples;
	}

	private static boolean setsGrpcHealth(EnumerablePropertySource<?> source) {
		for (String name : source.getPropertyNames()) {
			if (name.startsWith("grpc.health.")) {
				return true;
			}
		}
		return false;
	}

	static EnumerablePropertySource<?> yaml(String body) throws IOException {
		List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("example",
				new ByteArrayResource(body.getBytes()));
		Map<String, Object> all = new LinkedHashMap<>();
		for (PropertySource<?> document : documents) {
			EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) document;
			for (String name : enumerable.getPropertyNames()) {
				all.put(name, enumerable.getProperty(name));
			}
		}
		return new MapPropertySource("example", all);
	}

	private static EnumerablePropertySource<?> properties(String body) throws IOException {
		List<PropertySource<?>> loaded = new PropertiesPropertySourceLoader().load("example",
				new ByteArrayResource(body.getBytes()));
		return (EnumerablePropertySource<?>) loaded.get(0);
	}

	// The deepest cause says what is wrong with the example; the rest is Spring's
	// wrapping.
	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	private record Example(String where, EnumerablePropertySource<?> source) {

	}

	@Configuration(proxyBeanMethods = false)
	static class StubChecks {

		@Bean
		ManualHealthCheck dbStub() {
			return new ManualHealthCheck("db");
		}

		@Bean
		ManualHealthCheck pricingStub() {
			return new ManualHealthCheck("pricing");
		}

		@Bean
		ManualHealthCheck diskSpaceStub() {
			return new ManualHealthCheck("diskSpace");
		}

		@Bean
		ManualHealthCheck cacheWarmStub() {
			return new ManualHealthCheck("cache-warm");
		}

	}

}
