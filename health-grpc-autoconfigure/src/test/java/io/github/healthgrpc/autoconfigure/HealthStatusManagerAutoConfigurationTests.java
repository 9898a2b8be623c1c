package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.bridge.HealthStatusManagerBridge;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import net.devh.boot.grpc.server.autoconfigure.GrpcHealthServiceAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When health-grpc provides a {@link HealthStatusManager} bridged to its store: with
 * grpc-services and health-grpc on, unless the application defines its own, and always as
 * the one manager of the application, also next to the servers' own health
 * auto-configurations.
 */
class HealthStatusManagerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HealthGrpcAutoConfiguration.class, HealthStatusManagerAutoConfiguration.class))
		.withPropertyValues("grpc.health.shutdown.drain-delay=0s");

	@Test
	void theManagerIsBridgedToTheStore() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HealthStatusManager.class)
				.hasBean("healthGrpcHealthStatusManager")
				.hasSingleBean(HealthStatusManagerBridge.class);
			context.getBean(HealthStatusManager.class).setStatus("", ServingStatus.NOT_SERVING);
			assertThat(context.getBean(StatusStore.class).health("").checks()).containsEntry("health-status-manager",
					Status.DOWN);
		});
	}

	@Test
	void theManagerIsMadeOnlyWhenTheApplicationAsksForIt() {
		// Made at startup, it would build grpc-java's Health service and the protobuf
		// descriptors of its messages (some 200 classes) for an application that never
		// sets a status through it.
		this.contextRunner.run((context) -> {
			assertThat(context.getBeanFactory().containsSingleton("healthGrpcHealthStatusManager")).isFalse();
			context.getBean(HealthStatusManager.class).setStatus("", ServingStatus.NOT_SERVING);
			assertThat(context.getBean(StatusStore.class).health("").checks()).containsEntry("health-status-manager",
					Status.DOWN);
		});
	}

	@Test
	void anApplicationsOwnManagerIsKeptAndNotBridged() {
		HealthStatusManager own = new HealthStatusManager();
		this.contextRunner.withBean("ownManager", HealthStatusManager.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(HealthStatusManager.class)
				.doesNotHaveBean(HealthStatusManagerBridge.class);
			assertThat(context.getBean(HealthStatusManager.class)).isSameAs(own);
		});
	}

	@Test
	void noManagerWhileHealthGrpcIsOff() {
		this.contextRunner.withPropertyValues("grpc.health.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HealthStatusManager.class));
	}

	@Test
	void noManagerWithoutGrpcServices() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthStatusManager.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(HealthStatusManagerBridge.class)
				.doesNotHaveBean("healthGrpcHealthStatusManager"));
	}

	@Test
	void devhsHealthAutoConfigurationDefinesNoSecondManagerWhetherItIsOnOrOff() {
		ApplicationContextRunner withDevh = this.contextRunner
			.withConfiguration(AutoConfigurations.of(GrpcHealthServiceAutoConfiguration.class));
		withDevh.withPropertyValues("grpc.server.health-service-enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(HealthStatusManager.class)
				.hasBean("healthGrpcHealthStatusManager"));
		withDevh.run((context) -> assertThat(context).hasSingleBean(HealthStatusManager.class)
			.hasBean("healthGrpcHealthStatusManager"));
	}

	@Test
	void springBootsHealthAutoConfigurationDefinesNoSecondManagerWhetherItIsOnOrOff() {
		ApplicationContextRunner withBoot = this.contextRunner
			.withConfiguration(AutoConfigurations.of(GrpcServerHealthAutoConfiguration.class));
		withBoot.withPropertyValues("spring.grpc.server.health.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(HealthStatusManager.class)
				.hasBean("healthGrpcHealthStatusManager"));
		withBoot.withPropertyValues("spring.grpc.server.health.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(HealthStatusManager.class)
				.hasBean("healthGrpcHealthStatusManager"));
	}

}
