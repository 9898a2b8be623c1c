package io.github.healthgrpc.autoconfigure.upstream;

import java.util.Set;

import io.grpc.Channel;

/**
 * The named channels of one gRPC client (Spring Boot's or devh's), for upstream checks
 * that name a channel.
 */
interface ClientChannels {

	/**
	 * Where the channels are configured, for messages.
	 * @return the properties' prefix, such as {@code spring.grpc.client.channel}
	 */
	String prefix();

	/**
	 * The names of the configured channels.
	 * @return the names
	 */
	Set<String> names();

	/**
	 * A channel made from the named channel's configuration.
	 * @param name a configured channel's name
	 * @return the channel
	 */
	Channel channel(String name);

}
