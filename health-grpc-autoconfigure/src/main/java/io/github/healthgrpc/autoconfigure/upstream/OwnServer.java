package io.github.healthgrpc.autoconfigure.upstream;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.upstream.Upstream;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Refuses an upstream check that watches this application's own server for a status that
 * includes the check itself: the status could only ever follow itself, and never turn
 * SERVING. Recognised when the target is a loopback name with the port the server (or the
 * health port) is configured with; a random port (0) cannot be told apart, and the docs
 * say so.
 */
final class OwnServer {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0");

	private final Set<Integer> ports = new LinkedHashSet<>();

	private final HealthGrpcProperties properties;

	OwnServer(Environment environment, HealthGrpcProperties properties) {
		this.properties = properties;
		for (String property : new String[] { "spring.grpc.server.port", "grpc.server.port" }) {
			Integer port = environment.getProperty(property, Integer.class);
			if (port != null && port > 0) {
				this.ports.add(port);
			}
		}
		if (this.ports.isEmpty()) {
			this.ports.add(9090);
		}
		// The health port answers Health for the same statuses.
		Integer healthPort = properties.getPort();
		if (healthPort != null && healthPort > 0) {
			this.ports.add(healthPort);
		}
	}

	void refuseLoop(String property, String target, Upstream upstream) {
		if (isOwnServer(target) && includesItself(upstream)) {
			throw new InvalidConfigurationPropertyValueException(property, target,
					"This is this application's own server, and the status the check follows there ("
							+ (upstream.service().isEmpty() ? "the overall status" : upstream.service())
							+ ") includes the check " + upstream.name()
							+ " itself, so it could never turn SERVING. Point it at the server it depends on.");
		}
	}

	private boolean isOwnServer(String target) {
		String authority = target;
		int scheme = target.indexOf("://");
		if (scheme >= 0) {
			try {
				URI uri = URI.create(target);
				authority = (uri.getPath() != null && uri.getPath().length() > 1) ? uri.getPath().substring(1)
						: uri.getAuthority();
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		if (authority == null) {
			return false;
		}
		int colon = authority.lastIndexOf(':');
		if (colon <= 0) {
			return false;
		}
		String host = authority.substring(0, colon);
		try {
			return LOOPBACK.contains(host) && this.ports.contains(Integer.parseInt(authority.substring(colon + 1)));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private boolean includesItself(Upstream upstream) {
		String service = upstream.service();
		HealthGrpcProperties.Group group = service.isEmpty() ? this.properties.getOverall()
				: this.properties.getServices()
					.entrySet()
					.stream()
					.filter((entry) -> entry.getKey().equalsIgnoreCase(service))
					.map(java.util.Map.Entry::getValue)
					.findFirst()
					.orElse(this.properties.getOverall());
		String name = upstream.name();
		if (group.getExclude().contains(name)) {
			return false;
		}
		return group.getInclude().isEmpty() || group.getInclude().contains(name) || group.getInclude().contains("*");
	}

}
