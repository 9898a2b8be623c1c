package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.bridge.HealthStatusManagerBridge;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.protobuf.services.HealthStatusManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of a {@link HealthStatusManager} bean bridged to health-grpc's
 * store, for code that injects one as Spring Boot's and devh's gRPC docs teach: both
 * servers' own health, which defines theirs, is switched off while health-grpc is on. It
 * comes before theirs, so they back off if theirs is on after all, and it backs off
 * itself when the application defines its own manager, which then stays as it is: not
 * bridged.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class,
		beforeName = { "org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration",
				"net.devh.boot.grpc.server.autoconfigure.GrpcHealthServiceAutoConfiguration" })
@ConditionalOnClass(HealthStatusManager.class)
@ConditionalOnBean({ StatusStore.class, CheckRunner.class })
@ConditionalOnMissingBean(HealthStatusManager.class)
public final class HealthStatusManagerAutoConfiguration {

	@Bean
	HealthStatusManagerBridge healthGrpcHealthStatusManagerBridge(StatusStore store, CheckRunner runner) {
		// Just after the engine starts: its listeners, the metrics among them, hear every
		// bridged check from the first.
		return new HealthStatusManagerBridge(store, runner, HealthEngineLifecycle.PHASE + 1);
	}

	// Lazy: made only when the application injects it, so that one that never does
	// loads neither grpc-java's Health service nor its protobuf descriptors at startup.
	@Bean
	@Lazy
	HealthStatusManager healthGrpcHealthStatusManager(HealthStatusManagerBridge bridge) {
		return bridge.getHealthStatusManager();
	}

}
