package io.github.healthgrpc.autoconfigure.upstream;

import java.util.Set;
import java.util.stream.Collectors;

import io.grpc.Channel;
import net.devh.boot.grpc.client.channelfactory.GrpcChannelFactory;
import net.devh.boot.grpc.client.config.GrpcChannelsProperties;

/**
 * The channels of devh's gRPC client, configured under {@code grpc.client.<name>}
 * ({@code GLOBAL} holds the defaults of all, and is no channel).
 */
final class DevhClientChannels implements ClientChannels {

	private final GrpcChannelFactory factory;

	private final GrpcChannelsProperties properties;

	DevhClientChannels(GrpcChannelFactory factory, GrpcChannelsProperties properties) {
		this.factory = factory;
		this.properties = properties;
	}

	@Override
	public String prefix() {
		return "grpc.client";
	}

	@Override
	public Set<String> names() {
		return this.properties.getClient()
			.keySet()
			.stream()
			.filter((name) -> !GrpcChannelsProperties.GLOBAL_PROPERTIES_KEY.equals(name))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	@Override
	public Channel channel(String name) {
		return this.factory.createChannel(name);
	}

}
