package io.github.healthgrpc.autoconfigure.upstream;

import java.util.Set;

import io.grpc.Channel;

import org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * The channels of Spring Boot's gRPC client, configured under
 * {@code spring.grpc.client.channel.<name>}.
 */
final class BootClientChannels implements ClientChannels {

	private final GrpcChannelFactory factory;

	private final GrpcClientProperties properties;

	BootClientChannels(GrpcChannelFactory factory, GrpcClientProperties properties) {
		this.factory = factory;
		this.properties = properties;
	}

	@Override
	public String prefix() {
		return "spring.grpc.client.channel";
	}

	@Override
	public Set<String> names() {
		return this.properties.getChannel().keySet();
	}

	@Override
	public Channel channel(String name) {
		return this.factory.createChannel(name);
	}

}
