package io.github.healthgrpc.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.healthgrpc.actuate.GrpcHealthIndicator;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.lifecycle.AvailabilityListener;
import io.github.healthgrpc.lifecycle.ShutdownDrain;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.github.healthgrpc.proto.health.v1.HealthListResponse;
import io.github.healthgrpc.server.BoundServices;
import io.github.healthgrpc.source.AnnotatedCheckSource;
import io.github.healthgrpc.source.AvailabilityChanges;
import io.github.healthgrpc.source.HealthContributorCheckSource;
import io.github.healthgrpc.source.ManualCheckSource;
import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HealthGrpcAutoConfigurationTests {

	// Every context closes at the end of a test; without a zero drain delay each close
	// waits 3s.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	private final ApplicationContextRunner registryRunner = this.contextRunner.withConfiguration(AutoConfigurations
		.of(HealthContributorRegistryAutoConfiguration.class, HealthContributorAutoConfiguration.class));

	@Test
	void whenEnabledByDefaultThenEngineAndGrpcServiceAreCreated() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(HealthGrpcProperties.class);
			assertThat(context).hasSingleBean(StatusStore.class);
			assertThat(context).hasSingleBean(CheckRunner.class);
			assertThat(context).hasSingleBean(AnnotatedCheckSource.class);
			assertThat(context).hasSingleBean(ManualCheckSource.class);
			assertThat(context).hasSingleBean(HealthEngineLifecycle.class);
			assertThat(context).hasSingleBean(AvailabilityListener.class);
			assertThat(context).hasSingleBean(ShutdownDrain.class);
			assertThat(context).hasSingleBean(HealthGrpcService.class);
			assertThat(context).hasSingleBean(BoundServices.class);
		});
	}

	@Test
	void whenEnabledThenEngineStartsWithTheContextAndStopsWithIt() {
		this.contextRunner.run((context) -> {
			HealthEngineLifecycle lifecycle = context.getBean(HealthEngineLifecycle.class);
			StatusStore store = context.getBean(StatusStore.class);
			assertThat(lifecycle.isRunning()).isTrue();
			// No availability event in this context: neither ready nor live.
			assertThat(store.statuses()).containsOnly(Map.entry(StatusStore.OVERALL, ServingState.NOT_SERVING),
					Map.entry("liveness", ServingState.NOT_SERVING), Map.entry("readiness", ServingState.NOT_SERVING));
			context.close();
			assertThat(lifecycle.isRunning()).isFalse();
			// The shutdown drain closed the store, so every Watch call completes.
			assertThat(store.isClosed()).isTrue();
		});
	}

	@Test
	void whenEnabledExplicitlyThenBeansAreCreated() {
		this.contextRunner.withPropertyValues("grpc.health.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(StatusStore.class)
				.hasSingleBean(HealthGrpcService.class));
	}

	@Test
	void whenDisabledThenNoBeansAreCreated() {
		this.registryRunner.withPropertyValues("grpc.health.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(HealthGrpcProperties.class);
			assertThat(context).doesNotHaveBean(StatusStore.class);
			assertThat(context).doesNotHaveBean(CheckRunner.class);
			assertThat(context).doesNotHaveBean(AnnotatedCheckSource.class);
			assertThat(context).doesNotHaveBean(ManualCheckSource.class);
			assertThat(context).doesNotHaveBean(HealthEngineLifecycle.class);
			assertThat(context).doesNotHaveBean(AvailabilityListener.class);
			assertThat(context).doesNotHaveBean(ShutdownDrain.class);
			assertThat(context).doesNotHaveBean(HealthGrpcService.class);
			assertThat(context).doesNotHaveBean(BoundServices.class);
			assertThat(context).doesNotHaveBean(HealthContributorCheckSource.class);
			assertThat(context).doesNotHaveBean(AvailabilityChanges.class);
			assertThat(context).doesNotHaveBean(GrpcHealthIndicator.class);
			// The registry itself is Spring Boot's and stays.
			assertThat(context).hasSingleBean(HealthContributorRegistry.class);
		});
	}

	@Test
	void whenUserDefinesStatusStoreThenAutoConfiguredOneBacksOffAndEngineUsesTheUsersStore() {
		this.contextRunner.withUserConfiguration(UserStatusStoreConfiguration.class)
			.withPropertyValues("grpc.health.services[demo.Inventory].include=cache")
			.run((context) -> {
				assertThat(context).hasSingleBean(StatusStore.class);
				assertThat(context).doesNotHaveBean("healthGrpcStatusStore");
				StatusStore store = context.getBean(StatusStore.class);
				assertThat(store).isSameAs(context.getBean("userStatusStore"));
				// Only the engine defines services, so this proves it wrote to the user's
				// store.
				assertThat(store.health("demo.Inventory")).isNotNull();
			});
	}

	@Test
	void whenUserDefinesCheckRunnerThenAutoConfiguredOneBacksOff() {
		this.contextRunner.withUserConfiguration(UserCheckRunnerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CheckRunner.class);
			assertThat(context).doesNotHaveBean("healthGrpcCheckRunner");
			assertThat(context.getBean(CheckRunner.class)).isSameAs(context.getBean("userCheckRunner"));
		});
	}

	@Test
	void whenUserDefinesHealthGrpcServiceThenAutoConfiguredOneBacksOff() {
		this.contextRunner.withUserConfiguration(UserHealthGrpcServiceConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HealthGrpcService.class);
			assertThat(context).doesNotHaveBean("healthGrpcService");
			assertThat(context.getBean(HealthGrpcService.class)).isSameAs(context.getBean("userHealthGrpcService"));
		});
	}

	@Test
	void whenUserDefinesBeanNamedGrpcHealthIndicatorThenMirrorBacksOff() {
		this.registryRunner.withUserConfiguration(UserGrpcHealthIndicatorConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(GrpcHealthIndicator.class);
			assertThat(context.getBean("grpcHealthIndicator"))
				.isSameAs(context.getBean(UserGrpcHealthIndicatorConfiguration.class).indicator);
			assertThat(context).hasSingleBean(HealthContributorCheckSource.class);
		});
	}

	@Test
	void whenNoGrpcServerIsOnClassPathThenTheCoreStillCreatesTheHealthServiceAndRunsTheEngine() {
		// The core knows no server: which server binds the Health service is an adapter's
		// part.
		this.contextRunner
			.withClassLoader(
					new FilteredClassLoader("net.devh.", "org.springframework.grpc.", "org.springframework.boot.grpc."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(HealthGrpcService.class);
				assertThat(context).hasSingleBean(BoundServices.class);
				assertThat(context.getBean(HealthEngineLifecycle.class).isRunning()).isTrue();
			});
	}

	@Test
	void whenNoHealthContributorRegistryThenNoMirrorAndNoContributorSource() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(HealthContributorRegistry.class);
			assertThat(context).doesNotHaveBean(HealthContributorCheckSource.class);
			assertThat(context).doesNotHaveBean(GrpcHealthIndicator.class);
		});
	}

	@Test
	void whenHealthContributorRegistryExistsThenMirrorAndContributorSourceAreCreated() {
		this.registryRunner.run((context) -> {
			assertThat(context).hasSingleBean(HealthContributorCheckSource.class);
			assertThat(context).hasSingleBean(AvailabilityChanges.class);
			assertThat(context).hasSingleBean(GrpcHealthIndicator.class);
			assertThat(context).hasBean("grpcHealthIndicator");
			// The mirror is registered as an Actuator contributor under the name "grpc".
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("grpc"))
				.isSameAs(context.getBean(GrpcHealthIndicator.class));
		});
	}

	@Test
	void whenHealthContributorRegistryExistsThenContributorsAreChecksButTheMirrorIsNot() {
		this.registryRunner.run((context) -> {
			StatusStore store = context.getBean(StatusStore.class);
			// Boot's ping contributor is a check; the grpc mirror must never check
			// itself.
			assertThat(store.health(StatusStore.OVERALL).checks()).containsOnlyKeys("ping");
		});
	}

	@Test
	void whenDefaultsAreUsedThenPropertiesHaveDocumentedValues() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HealthGrpcAutoConfiguration.class))
			.run((context) -> {
				HealthGrpcProperties properties = context.getBean(HealthGrpcProperties.class);
				assertThat(properties.isEnabled()).isTrue();
				assertThat(properties.getDefaults().getInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getDefaults().getTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getScheduler().getPoolSize()).isEqualTo(4);
				assertThat(properties.getShutdown().getDrainDelay()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getList().getMaxServices()).isEqualTo(100);
				assertThat(context.getBean(ShutdownDrain.class)).extracting("drainDelay")
					.isEqualTo(Duration.ofSeconds(3));
				assertThat(context.getBean(CheckRunner.class)).extracting("workers.size").isEqualTo(4);
				// The drain delay would make this context's close wait 3s; skip the
				// drain.
				context.getBean(StatusStore.class).close();
			});
	}

	@Test
	void whenSchedulerPoolSizeIsSetThenCheckRunnerUsesIt() {
		this.contextRunner.withPropertyValues("grpc.health.scheduler.pool-size=2")
			.run((context) -> assertThat(context.getBean(CheckRunner.class)).extracting("workers.size").isEqualTo(2));
	}

	@Test
	void whenDrainDelayIsSetThenShutdownDrainUsesIt() {
		this.contextRunner.withPropertyValues("grpc.health.shutdown.drain-delay=10ms")
			.run((context) -> assertThat(context.getBean(ShutdownDrain.class)).extracting("drainDelay")
				.isEqualTo(Duration.ofMillis(10)));
	}

	@Test
	void whenListMaxServicesIsSetThenListAboveItIsResourceExhausted() {
		this.contextRunner.withUserConfiguration(ManualCheckConfiguration.class)
			.withPropertyValues("grpc.health.list.max-services=1", "grpc.health.services[demo.Inventory].include=cache")
			.run((context) -> {
				RecordingObserver<HealthListResponse> observer = new RecordingObserver<>();
				context.getBean(HealthGrpcService.class).list(HealthListRequest.getDefaultInstance(), observer);
				assertThat(observer.values).isEmpty();
				assertThat(Status.fromThrowable(observer.error).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
				assertThat(observer.error).hasMessageContaining("grpc.health.list.max-services");
			});
	}

	@Test
	void whenListMaxServicesIsNotExceededThenListAnswers() {
		this.contextRunner.withUserConfiguration(ManualCheckConfiguration.class)
			.withPropertyValues("grpc.health.list.max-services=4", "grpc.health.services[demo.Inventory].include=cache")
			.run((context) -> {
				RecordingObserver<HealthListResponse> observer = new RecordingObserver<>();
				context.getBean(HealthGrpcService.class).list(HealthListRequest.getDefaultInstance(), observer);
				assertThat(observer.error).isNull();
				assertThat(observer.values).singleElement()
					.satisfies((response) -> assertThat(response.getStatusesMap()).containsOnlyKeys("", "liveness",
							"readiness", "demo.Inventory"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ManualCheckConfiguration {

		@Bean
		ManualHealthCheck cacheCheck() {
			return new ManualHealthCheck("cache");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserStatusStoreConfiguration extends ManualCheckConfiguration {

		@Bean
		StatusStore userStatusStore() {
			return new StatusStore();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCheckRunnerConfiguration {

		@Bean
		CheckRunner userCheckRunner(StatusStore store) {
			return new CheckRunner(store, 1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealthGrpcServiceConfiguration {

		@Bean
		HealthGrpcService userHealthGrpcService(StatusStore store) {
			return new HealthGrpcService(store, 7);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserGrpcHealthIndicatorConfiguration {

		final HealthIndicator indicator = () -> Health.up().build();

		@Bean
		HealthIndicator grpcHealthIndicator() {
			return this.indicator;
		}

	}

	static class RecordingObserver<T> implements StreamObserver<T> {

		final List<T> values = new ArrayList<>();

		Throwable error;

		boolean completed;

		@Override
		public void onNext(T value) {
			this.values.add(value);
		}

		@Override
		public void onError(Throwable error) {
			this.error = error;
		}

		@Override
		public void onCompleted() {
			this.completed = true;
		}

	}

}
