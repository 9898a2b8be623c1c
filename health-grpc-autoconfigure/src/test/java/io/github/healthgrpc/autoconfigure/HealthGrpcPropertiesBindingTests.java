package io.github.healthgrpc.autoconfigure;

import java.util.List;
import java.util.Map;

import io.github.healthgrpc.check.ManualHealthCheck;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that {@code grpc.health} is an ordinary {@code @ConfigurationProperties} bean:
 * Actuator's {@code configprops} endpoint reports it, and Spring Boot's own rebinding
 * (what a configuration refresh does) binds plain dotted service names again.
 */
class HealthGrpcPropertiesBindingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				EndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				HealthGrpcAutoConfiguration.class))
		.withBean("dbCheck", ManualHealthCheck.class, () -> new ManualHealthCheck("db"))
		.withBean("pricingCheck", ManualHealthCheck.class, () -> new ManualHealthCheck("pricing.api"))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s", "management.endpoint.configprops.show-values=always",
				"spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=configprops",
				"grpc.health.services.demo.Inventory.include=db", "grpc.health.checks.pricing.api.interval=7s");

	// Why DottedMapKeys exists: should this fail, Spring Boot binds plain dotted keys
	// itself.
	@Test
	void springBootsBinderAloneDropsAServiceWrittenAsAPlainDottedKey() {
		HealthGrpcProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("grpc.health.services.demo.Inventory.include", "db",
						"grpc.health.services[demo.Greeter].include", "db")))
			.bindOrCreate("grpc.health", HealthGrpcProperties.class);
		System.out.println("Spring Boot's binder alone binds the services " + properties.getServices().keySet());
		assertThat(properties.getServices()).containsOnlyKeys("demo.Greeter");
	}

	@Test
	void configpropsReportsGrpcHealthWithAServiceWrittenAsAPlainDottedKey() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			ConfigurationPropertiesBeanDescriptor descriptor = context
				.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationProperties()
				.getContexts()
				.values()
				.stream()
				.flatMap((beans) -> beans.getBeans().values().stream())
				.filter((bean) -> "grpc.health".equals(bean.getPrefix()))
				.findFirst()
				.orElseThrow();
			System.out.println("configprops grpc.health services: " + descriptor.getProperties().get("services")
					+ ", checks: " + descriptor.getProperties().get("checks"));
			assertThat(descriptor.getProperties()).containsKeys("services", "checks", "defaults", "scheduler");
			assertThat(descriptor.getProperties().get("services"))
				.isEqualTo(Map.of("demo.Inventory", Map.of("include", List.of("db"), "exclude", List.of())));
			assertThat(descriptor.getProperties().get("checks"))
				.isEqualTo(Map.of("pricing.api", Map.of("interval", "PT7S")));
		});
	}

	@Test
	void springBootRebindingBindsPlainDottedKeysAgain() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			String name = context.getBeanNamesForType(HealthGrpcProperties.class)[0];
			HealthGrpcProperties properties = context.getBean(name, HealthGrpcProperties.class);
			assertThat(ConfigurationPropertiesBean.get(context, properties, name)).isNotNull();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("refreshed",
						Map.of("grpc.health.services.demo.Inventory.include", "db,pricing.api")));
			// What a configuration refresh does (Spring Cloud's
			// ConfigurationPropertiesRebinder).
			context.getAutowireCapableBeanFactory().initializeBean(properties, name);
			assertThat(properties.getServices()).containsOnlyKeys("demo.Inventory");
			assertThat(properties.getServices().get("demo.Inventory").getInclude()).containsExactly("db",
					"pricing.api");
		});
	}

}
