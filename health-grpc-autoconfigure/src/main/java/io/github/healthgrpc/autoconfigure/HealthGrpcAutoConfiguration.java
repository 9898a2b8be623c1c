package io.github.healthgrpc.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.healthgrpc.actuate.GrpcHealthIndicator;
import io.github.healthgrpc.actuate.NotServingReasons;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSource;
import io.github.healthgrpc.engine.EngineLoad;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.lifecycle.AvailabilityListener;
import io.github.healthgrpc.lifecycle.ShutdownDrain;
import io.github.healthgrpc.metrics.CheckEngineLoad;
import io.github.healthgrpc.metrics.HealthGrpcMetrics;
import io.github.healthgrpc.server.GrpcServerAdapter;
import io.github.healthgrpc.source.AnnotatedCheckSource;
import io.github.healthgrpc.source.AvailabilityChanges;
import io.github.healthgrpc.source.HealthContributorCheckSource;
import io.github.healthgrpc.source.ManualCheckSource;
import io.github.healthgrpc.source.ReactiveHealthContributorCheckSource;
import io.github.healthgrpc.store.ServingStatusMapper;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.BindableService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for health-grpc: the status store, the engine and its check sources,
 * the lifecycle hooks, and the views (the gRPC Health service and the Actuator mirror)
 * where their libraries are present. It knows no gRPC server: each server's adapter, an
 * auto-configuration of its own, registers the Health service with its server and
 * provides a {@link GrpcServerAdapter}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HealthGrpcProperties.class)
@Import(HealthGrpcServerConfiguration.class)
public final class HealthGrpcAutoConfiguration {

	@Bean
	static DottedMapKeys healthGrpcDottedMapKeys(Environment environment) {
		return new DottedMapKeys(environment);
	}

	@Bean
	static HealthGrpcPropertiesValidator healthGrpcPropertiesValidator(Environment environment) {
		return new HealthGrpcPropertiesValidator(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	ServingStatusMapper healthGrpcServingStatusMapper(HealthGrpcProperties properties) {
		return ServingStatusMapper.of(properties.getStatus().getMapping());
	}

	@Bean
	@ConditionalOnMissingBean
	StatusStore healthGrpcStatusStore(ServingStatusMapper mapper) {
		return new StatusStore(mapper);
	}

	@Bean
	@ConditionalOnMissingBean
	CheckRunner healthGrpcCheckRunner(StatusStore store, HealthGrpcProperties properties) {
		return new CheckRunner(store, properties.getScheduler().getPoolSize());
	}

	@Bean
	AnnotatedCheckSource healthGrpcAnnotatedCheckSource(ConfigurableListableBeanFactory beanFactory) {
		return new AnnotatedCheckSource(beanFactory);
	}

	@Bean
	ManualCheckSource healthGrpcManualCheckSource(ObjectProvider<ManualHealthCheck> handles) {
		return new ManualCheckSource(handles);
	}

	// Lazy: the engine resolves the mappings when it starts, once every bean and so every
	// check exists. The application's gRPC services are the beans every server binds.
	@Bean
	@Lazy
	HealthMappings healthGrpcMappings(ObjectProvider<CheckSource> sources, HealthGrpcProperties properties,
			ObjectProvider<BindableService> grpcServices, ObjectProvider<HealthEndpointGroups> groups,
			Environment environment) {
		return new HealthMappings(checks(sources), properties, serviceNames(grpcServices),
				new ProbeServices(properties.getProbes(), groups), environment);
	}

	private static List<CheckDefinition> checks(ObjectProvider<CheckSource> sources) {
		List<CheckDefinition> checks = new ArrayList<>();
		for (CheckSource source : sources.orderedStream().toList()) {
			checks.addAll(source.checks());
		}
		return checks;
	}

	private static Set<String> serviceNames(ObjectProvider<BindableService> grpcServices) {
		Set<String> names = new HashSet<>();
		for (BindableService service : grpcServices) {
			names.add(service.bindService().getServiceDescriptor().getName());
		}
		return names;
	}

	@Bean
	HealthEngineLifecycle healthGrpcEngineLifecycle(StatusStore store, CheckRunner runner,
			ObjectProvider<HealthMappings> mappings, ObjectProvider<CheckListener> listeners) {
		return new HealthEngineLifecycle(store, runner, mappings, listeners);
	}

	@Bean
	ContributorRefresh healthGrpcContributorRefresh(ObjectProvider<HealthContributorCheckSource> contributors,
			ObjectProvider<ReactiveHealthContributorCheckSource> reactiveContributors,
			ObjectProvider<CheckSource> sources, ObjectProvider<HealthMappings> mappings, CheckRunner runner,
			StatusStore store, HealthGrpcProperties properties) {
		return new ContributorRefresh(Stream.concat(contributors.stream(), reactiveContributors.stream()).toList(),
				sources, mappings, runner, store, properties.getContributors().getRefreshInterval());
	}

	// Why services are not serving, as the grpc component of /actuator/health and the
	// grpchealth endpoint both tell it: Spring Boot's readinessState is down in warm-up
	// and the drain on purpose, never a failure.
	@Bean
	@ConditionalOnMissingBean
	NotServingReasons healthGrpcNotServingReasons(StatusStore store, ServingStatusMapper mapper,
			ObjectProvider<HealthContributorRegistry> registry) {
		// The registry is asked on each call: it holds the grpc component, which needs
		// these reasons, so it cannot be injected while they are created.
		return new NotServingReasons(store, mapper, (check) -> {
			HealthContributorRegistry contributors = registry.getIfAvailable();
			return contributors != null && contributors.getContributor(check) instanceof ReadinessStateHealthIndicator;
		});
	}

	@Bean
	AvailabilityListener healthGrpcAvailabilityListener(StatusStore store) {
		return new AvailabilityListener(store);
	}

	@Bean
	ShutdownDrain healthGrpcShutdownDrain(StatusStore store, ApplicationContext context,
			HealthGrpcProperties properties, ObjectProvider<ApplicationAvailability> availability) {
		return new ShutdownDrain(store, context, properties.getShutdown().getDrainDelay(),
				availability.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HealthGrpcMetrics healthGrpcMetrics(StatusStore store, CheckRunner runner,
				ObjectProvider<HealthGrpcService> healthService, HealthGrpcProperties properties) {
			// The metrics see the engine's counts, not the engine.
			return new HealthGrpcMetrics(store, () -> {
				EngineLoad load = runner.load();
				return new CheckEngineLoad(load.evaluations(), load.lateStarts(), load.skippedTicks(), load.queued(),
						load.stuck(), load.threadsWrittenOff());
			}, () -> {
				HealthGrpcService service = healthService.getIfAvailable();
				return (service != null) ? service.watcherCount() : 0;
			}, properties.getWatch()::getMaxWatchers);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(HealthContributorRegistry.class)
	static class HealthContributorConfiguration {

		@Bean
		HealthContributorCheckSource healthGrpcContributorCheckSource(HealthContributorRegistry registry,
				AvailabilityChanges availabilityChanges) {
			return new HealthContributorCheckSource(registry, GrpcHealthIndicator.class::isInstance,
					availabilityChanges);
		}

		@Bean
		AvailabilityChanges healthGrpcAvailabilityChanges(ObjectProvider<ApplicationAvailability> availability) {
			// Spring calls listeners in the order they were created: creating the bean
			// that records each availability change first lets it record the change
			// before the availability checks are re-evaluated.
			availability.getIfAvailable();
			return new AvailabilityChanges();
		}

		@Bean
		@ConditionalOnMissingBean(name = "grpcHealthIndicator")
		@ConditionalOnEnabledHealthIndicator("grpc")
		GrpcHealthIndicator grpcHealthIndicator(StatusStore store, NotServingReasons reasons) {
			return new GrpcHealthIndicator(store, reasons);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "reactor.core.publisher.Mono")
	@ConditionalOnBean(ReactiveHealthContributorRegistry.class)
	static class ReactiveHealthContributorConfiguration {

		@Bean
		ReactiveHealthContributorCheckSource healthGrpcReactiveContributorCheckSource(
				ReactiveHealthContributorRegistry registry, ObjectProvider<HealthContributorRegistry> blocking) {
			return new ReactiveHealthContributorCheckSource(registry, blocking.getIfAvailable());
		}

	}

}
