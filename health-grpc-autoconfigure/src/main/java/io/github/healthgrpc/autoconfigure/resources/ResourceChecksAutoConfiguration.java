package io.github.healthgrpc.autoconfigure.resources;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.resources.CpuCheck;
import io.github.healthgrpc.resources.HeapCheck;
import io.github.healthgrpc.resources.LongLivedHeap;
import io.github.healthgrpc.resources.ProcessCpuClock;
import io.github.healthgrpc.resources.ResourceCheckSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the resource checks: {@code heap} with
 * {@code grpc.health.resources.heap.enabled=true}, {@code cpu} with
 * {@code grpc.health.resources.cpu.enabled=true}. Each is a polled check like any other:
 * services include it by name, and {@code grpc.health.checks.<name>} sets its interval
 * and timeout.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@ConditionalOnBean(HealthGrpcProperties.class)
public final class ResourceChecksAutoConfiguration {

	@Bean
	ResourceSettings healthGrpcResourceSettings(HealthGrpcProperties properties) {
		return new ResourceSettings(properties.getResources());
	}

	@Bean
	@ConditionalOnBooleanProperty("grpc.health.resources.heap.enabled")
	@ConditionalOnMissingBean(name = "healthGrpcHeapCheck")
	ResourceCheckSource healthGrpcHeapCheck(ResourceSettings settings) {
		return new ResourceCheckSource(ResourceCheckSource.HEAP, new HeapCheck(new LongLivedHeap(), settings.heap()));
	}

	@Bean
	@ConditionalOnBooleanProperty("grpc.health.resources.cpu.enabled")
	@ConditionalOnMissingBean(name = "healthGrpcCpuCheck")
	ResourceCheckSource healthGrpcCpuCheck(ResourceSettings settings) {
		ProcessCpuClock clock = ProcessCpuClock.ofThisJvm();
		if (clock == null) {
			throw new InvalidConfigurationPropertyValueException("grpc.health.resources.cpu.enabled", true,
					"This JVM does not report the process's CPU time (com.sun.management.OperatingSystemMXBean), "
							+ "so the cpu check could never tell. Set it to false.");
		}
		return new ResourceCheckSource(ResourceCheckSource.CPU,
				new CpuCheck(clock, settings.cpuWindow(), settings.cpu()));
	}

}
