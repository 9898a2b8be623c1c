package io.github.healthgrpc.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.Environment;

/**
 * Creates the {@link HealthGrpcProperties} bean: binds {@code grpc.health} with Spring
 * Boot's {@link Binder} from {@link BracketedKeyPropertySource} views of the environment,
 * and validates every value that is known without the checks.
 *
 * <p>As with {@code @ConfigurationProperties(ignoreUnknownFields = false)}, a property
 * under {@code grpc.health} that binds to nothing (a typo such as
 * {@code grpc.health.overall.includes}) fails startup, except in environment variables and
 * system properties, where names that merely share the prefix are common
 * ({@code GRPC_HEALTH_PROBE_VERSION}). A factory bean, because Spring Boot binds every
 * {@code @ConfigurationProperties} bean again before its initialization, from the property
 * sources as they are, which would replace each service written as a plain dotted key
 * with its bracketed part alone; objects from a factory bean skip that step.
 */
final class HealthGrpcPropertiesBinder implements FactoryBean<HealthGrpcProperties> {

	private static final String PREFIX = "grpc.health";

	private final Environment environment;

	HealthGrpcPropertiesBinder(Environment environment) {
		this.environment = environment;
	}

	@Override
	public HealthGrpcProperties getObject() {
		HealthGrpcProperties properties = new HealthGrpcProperties();
		new Binder(BracketedKeyPropertySource.of(this.environment),
				new PropertySourcesPlaceholdersResolver(this.environment))
			.bind(PREFIX, Bindable.ofInstance(properties), new NoUnboundElementsBindHandler(
					new IgnoreTopLevelConverterNotFoundBindHandler(), new UnboundElementsSourceFilter()));
		validate(properties);
		return properties;
	}

	@Override
	public Class<?> getObjectType() {
		return HealthGrpcProperties.class;
	}

	private void validate(HealthGrpcProperties properties) {
		positive("scheduler.pool-size", properties.getScheduler().getPoolSize(),
				"Set it to the number of checks that may run at once, such as 4.");
		positive("list.max-services", properties.getList().getMaxServices(),
				"Set it to at least 1; the protocol suggests 100.");
		positive("watch.max-watchers", properties.getWatch().getMaxWatchers(),
				"Set it to the most Watch calls the server may hold open, such as 10000.");
		positive("watch.max-unknown-services", properties.getWatch().getMaxUnknownServices(),
				"Set it to the most distinct unknown service names that may be watched at once, such as 100.");
		positive("watch.max-per-connection", properties.getWatch().getMaxPerConnection(),
				"Set it to the most Watch calls one client connection may hold open, such as 100.");
		Duration drainDelay = properties.getShutdown().getDrainDelay();
		if (drainDelay.isNegative()) {
			throw invalid("shutdown.drain-delay", drainDelay,
					"It must not be negative. Set it to 0s or more, such as 3s.");
		}
		positive("contributors.refresh-interval", properties.getContributors().getRefreshInterval());
		positive("defaults", properties.getDefaults());
		properties.getChecks().forEach((name, check) -> positive("checks[" + name + "]", check));
		properties.getServices().forEach((name, group) -> {
			if (name.isBlank()) {
				throw invalid("services[" + name + "]." + (group.getInclude().isEmpty() ? "exclude" : "include"),
						String.join(",", group.getInclude().isEmpty() ? group.getExclude() : group.getInclude()),
						"The service name in brackets is empty. Name the gRPC service in full "
								+ "(grpc.health.services[demo.Inventory]), or use grpc.health.overall for the "
								+ "server's overall status.");
			}
		});
	}

	private void positive(String name, int value, String action) {
		if (value <= 0) {
			throw invalid(name, value, "It must be positive. " + action);
		}
	}

	// A check's own interval and timeout may be unset, for the defaults to apply.
	private void positive(String name, HealthGrpcProperties.Check check) {
		positive(name + ".interval", check.getInterval());
		positive(name + ".timeout", check.getTimeout());
	}

	private void positive(String name, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw invalid(name, value,
					"It must be a positive duration. Set it to a duration such as 5s or 500ms.");
		}
	}

	private RuntimeException invalid(String name, Object value, String reason) {
		return InvalidHealthProperty.of(this.environment, PREFIX + "." + name, value, reason);
	}

}
