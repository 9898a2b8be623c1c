package io.github.healthgrpc.autoconfigure.upstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.upstream.TargetChannels;
import io.github.healthgrpc.upstream.Upstream;
import io.grpc.Channel;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns {@code grpc.health.upstreams} into upstreams and their channels, failing startup
 * on an entry that could never work, with the property and the fix.
 */
final class UpstreamDefinitions {

	private static final String PREFIX = "grpc.health.upstreams.";

	private final Map<Upstream, Channel> channels = new LinkedHashMap<>();

	UpstreamDefinitions(HealthGrpcProperties properties, TargetChannels targets, List<ClientChannels> clients,
			OwnServer ownServer) {
		properties.getUpstreams().forEach((name, settings) -> {
			String property = PREFIX + name;
			// HealthGrpcPropertiesValidator made sure exactly one of them is set.
			String target = settings.getTarget();
			if (target != null) {
				Upstream upstream = new Upstream(name, settings.getService(), target, settings.getTimeout());
				ownServer.refuseLoop(property + ".target", target, upstream);
				this.channels.put(upstream, targetChannel(property + ".target", target, settings, targets));
			}
			else {
				String channel = Objects.requireNonNull(settings.getChannel());
				Upstream upstream = new Upstream(name, settings.getService(), channel, settings.getTimeout());
				this.channels.put(upstream, clientChannel(property + ".channel", channel, clients));
			}
		});
	}

	List<Upstream> upstreams() {
		return new ArrayList<>(this.channels.keySet());
	}

	Channel channel(Upstream upstream) {
		Channel channel = this.channels.get(upstream);
		if (channel == null) {
			throw new IllegalArgumentException("No channel for " + upstream);
		}
		return channel;
	}

	private static Channel targetChannel(String property, String target, HealthGrpcProperties.Upstream settings,
			TargetChannels targets) {
		try {
			return targets.channel(target, settings.getKeepaliveTime(), settings.getKeepaliveTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, target,
					"grpc-java cannot make a channel to it (" + ex.getMessage()
							+ "). Give a gRPC target, such as dns:///inventory:9090 or inventory:9090.");
		}
	}

	private static Channel clientChannel(String property, String name, List<ClientChannels> clients) {
		if (clients.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(property, name,
					"No gRPC client is configured in this application: add Spring Boot's spring-boot-starter-grpc-client "
							+ "or devh's grpc-client-spring-boot-starter and configure the channel there, or set "
							+ property.replace(".channel", ".target") + " instead.");
		}
		Set<String> known = new TreeSet<>();
		for (ClientChannels client : clients) {
			if (client.names().contains(name)) {
				return client.channel(name);
			}
			client.names().forEach((channel) -> known.add(client.prefix() + "." + channel));
		}
		throw new InvalidConfigurationPropertyValueException(property, name,
				"No gRPC client channel has this name. Configured channels: "
						+ (known.isEmpty() ? "none" : String.join(", ", known)) + ". Configure it under "
						+ clients.get(0).prefix() + "." + name + ", or name a configured one.");
	}

}
