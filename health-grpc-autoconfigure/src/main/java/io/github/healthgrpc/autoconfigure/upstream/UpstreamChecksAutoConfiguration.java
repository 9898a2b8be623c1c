package io.github.healthgrpc.autoconfigure.upstream;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.upstream.TargetChannels;
import io.github.healthgrpc.upstream.UpstreamCheckSource;
import net.devh.boot.grpc.client.config.GrpcChannelsProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Upstream checks, one for each entry of {@code grpc.health.upstreams}: a pushed check
 * that follows another gRPC server's Health service over one open Watch call, on a
 * channel made from its target or taken from the application's gRPC client (Spring Boot's
 * or devh's) by name.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HealthGrpcAutoConfiguration.class,
		afterName = { "org.springframework.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration",
				"org.springframework.boot.grpc.client.autoconfigure.CompositeChannelFactoryAutoConfiguration",
				"net.devh.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "grpc.health.enabled", matchIfMissing = true)
@ConditionalOnBean(HealthGrpcProperties.class)
@Conditional(OnUpstreamsCondition.class)
public final class UpstreamChecksAutoConfiguration {

	@Bean
	TargetChannels healthGrpcUpstreamTargetChannels() {
		return new TargetChannels();
	}

	@Bean
	UpstreamCheckSource healthGrpcUpstreamChecks(HealthGrpcProperties properties, TargetChannels targets,
			ObjectProvider<ClientChannels> clients, Environment environment) {
		UpstreamDefinitions definitions = new UpstreamDefinitions(properties, targets, clients.orderedStream().toList(),
				new OwnServer(environment, properties));
		return new UpstreamCheckSource(definitions.upstreams(), definitions::channel);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.grpc.client.GrpcChannelFactory",
			"org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties" })
	@ConditionalOnBean(type = "org.springframework.grpc.client.GrpcChannelFactory")
	static class BootClientConfiguration {

		@Bean
		ClientChannels healthGrpcBootClientChannels(
				ObjectProvider<org.springframework.grpc.client.GrpcChannelFactory> factory,
				ObjectProvider<GrpcClientProperties> properties) {
			return new BootClientChannels(factory.getObject(), properties.getObject());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "net.devh.boot.grpc.client.channelfactory.GrpcChannelFactory")
	@ConditionalOnBean(type = "net.devh.boot.grpc.client.channelfactory.GrpcChannelFactory")
	static class DevhClientConfiguration {

		@Bean
		ClientChannels healthGrpcDevhClientChannels(
				ObjectProvider<net.devh.boot.grpc.client.channelfactory.GrpcChannelFactory> factory,
				ObjectProvider<GrpcChannelsProperties> properties) {
			return new DevhClientChannels(factory.getObject(), properties.getObject());
		}

	}

}
