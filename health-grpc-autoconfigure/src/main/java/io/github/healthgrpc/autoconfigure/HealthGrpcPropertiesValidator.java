package io.github.healthgrpc.autoconfigure;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.ServingStatusMapper;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;

/**
 * Validates the {@link HealthGrpcProperties} bean once Spring Boot has bound it: every
 * value that is known without the checks. A failure names the property as written and
 * where, through Spring Boot's analyzer of {@link InvalidHealthProperty}'s exception; a
 * post-processor rather than a {@code Validator}, whose failures Spring Boot reports as a
 * failed binding of the whole of {@code grpc.health}.
 */
final class HealthGrpcPropertiesValidator implements BeanPostProcessor {

	private static final String PREFIX = "grpc.health";

	private static final int MAX_PORT = 65535;

	private final Environment environment;

	HealthGrpcPropertiesValidator(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HealthGrpcProperties properties) {
			validate(properties);
		}
		return bean;
	}

	private void validate(HealthGrpcProperties properties) {
		positive("scheduler.pool-size", properties.getScheduler().getPoolSize(),
				"Set it to the number of checks that may run at once, such as 4.");
		positive("list.max-services", properties.getList().getMaxServices(),
				"Set it to at least 1; the protocol suggests 100.");
		positive("watch.max-watchers", properties.getWatch().getMaxWatchers(),
				"Set it to the most Watch calls the server may hold open, such as 10000.");
		positive("watch.max-unknown-services", properties.getWatch().getMaxUnknownServices(),
				"Set it to the most distinct unknown service names that may be watched at once, such as 100.");
		Duration drainDelay = properties.getShutdown().getDrainDelay();
		if (drainDelay.isNegative()) {
			throw invalid("shutdown.drain-delay", drainDelay,
					"It must not be negative. Set it to 0s or more, such as 3s.");
		}
		positive("contributors.refresh-interval", properties.getContributors().getRefreshInterval());
		positive("file.heartbeat-interval", properties.getFile().getHeartbeatInterval());
		validateHealthPort(properties);
		positive("defaults.interval", properties.getDefaults().getInterval());
		positive("defaults.timeout", properties.getDefaults().getTimeout());
		for (Map.Entry<String, HealthGrpcProperties.Check> check : properties.getChecks().entrySet()) {
			positive("checks[" + check.getKey() + "]", check.getValue());
		}
		for (Map.Entry<String, HealthGrpcProperties.Upstream> upstream : properties.getUpstreams().entrySet()) {
			validateUpstream(upstream.getKey(), upstream.getValue());
		}
		validateProbes(properties);
		validateStatusMapping(properties);
		for (Map.Entry<String, HealthGrpcProperties.Group> service : properties.getServices().entrySet()) {
			String name = service.getKey();
			HealthGrpcProperties.Group group = service.getValue();
			if (name.isBlank()) {
				throw invalid("services[" + name + "]." + (group.getInclude().isEmpty() ? "exclude" : "include"),
						String.join(",", group.getInclude().isEmpty() ? group.getExclude() : group.getInclude()),
						"The service name in brackets is empty. Name the gRPC service in full "
								+ "(grpc.health.services[demo.Inventory]), or use grpc.health.overall for the "
								+ "server's overall status.");
			}
		}
	}

	// What a channel needs is checked where the channel is made: a target grpc-java can
	// parse, a channel name the gRPC client knows.
	private void validateUpstream(String name, HealthGrpcProperties.Upstream upstream) {
		String property = "upstreams." + name;
		String target = upstream.getTarget();
		String channel = upstream.getChannel();
		String fix = "Set exactly one of " + PREFIX + "." + property + ".target (a gRPC target such as "
				+ "dns:///inventory:9090) and " + PREFIX + "." + property
				+ ".channel (a channel of the application's gRPC client).";
		if (target != null && channel != null) {
			throw invalid(property + ".channel", channel, "It is set together with " + PREFIX + "." + property
					+ ".target, and the check can only follow one upstream. " + fix);
		}
		if (target == null && channel == null) {
			throw invalid(property + ".target", "", "Neither it nor " + PREFIX + "." + property
					+ ".channel is set, so the check has no upstream to follow. " + fix);
		}
		if (target != null && target.isBlank()) {
			throw invalid(property + ".target", target, "It is empty. Set it to a gRPC target, such as "
					+ "dns:///inventory:9090 or inventory:9090, or use " + PREFIX + "." + property + ".channel.");
		}
		if (channel != null && channel.isBlank()) {
			throw invalid(property + ".channel", channel,
					"It is empty. Set it to the name of a channel of the application's gRPC client, or use " + PREFIX
							+ "." + property + ".target.");
		}
		positive(property + ".timeout", upstream.getTimeout());
		positive(property + ".keepalive-time", upstream.getKeepaliveTime());
		positive(property + ".keepalive-timeout", upstream.getKeepaliveTimeout());
	}

	// A probe service's name must name it alone: a mapped service of the same name would
	// silently replace its definition, or it would replace the mapped one's.
	private void validateProbes(HealthGrpcProperties properties) {
		HealthGrpcProperties.Probes probes = properties.getProbes();
		if (!probes.isEnabled()) {
			return;
		}
		String fix = " Give the built-in service another name, or set grpc.health.probes.enabled=false to do "
				+ "without the built-in liveness and readiness services.";
		probeName("probes.liveness-service", probes.getLivenessService(), properties, fix);
		probeName("probes.readiness-service", probes.getReadinessService(), properties, fix);
		if (probes.getLivenessService().equalsIgnoreCase(probes.getReadinessService())) {
			throw invalid("probes.readiness-service", probes.getReadinessService(),
					"It is also the name of grpc.health.probes.liveness-service: liveness and readiness must be "
							+ "two services, or a probe answers for the other." + fix);
		}
	}

	private void probeName(String name, String value, HealthGrpcProperties properties, String fix) {
		if (value.isBlank()) {
			throw invalid(name, value, "It is empty, the name of the overall service \"\"." + fix);
		}
		for (String mapped : properties.getServices().keySet()) {
			if (value.equalsIgnoreCase(mapped)) {
				throw invalid(name, value,
						"It is also a service mapped in grpc.health.services[" + mapped
								+ "], whose checks would be replaced by the probe's." + fix
								+ " Or remove that mapping: the probe's checks come from Spring Boot's health group.");
			}
		}
	}

	// UP is what a healthy check answers: mapped otherwise, nothing could ever serve.
	// Each code is matched by the mapper's own rule, so up, UP and any other spelling
	// count.
	private void validateStatusMapping(HealthGrpcProperties properties) {
		for (Map.Entry<String, ServingState> mapping : properties.getStatus().getMapping().entrySet()) {
			String code = mapping.getKey();
			ServingState status = mapping.getValue();
			if (ServingStatusMapper.of(Collections.singletonMap(code, status)).map(Status.UP) != ServingState.SERVING) {
				throw invalid(mappingKey(code), String.valueOf(status),
						"UP is the status of a healthy check: mapped to not-serving, every service would stay "
								+ "NOT_SERVING however healthy its checks. Remove the mapping of up (UP always "
								+ "serves), or set it to serving.");
			}
		}
	}

	// Dotted where it can be, so the failure finds the property as written (mapping.UP
	// too).
	private static String mappingKey(String code) {
		String dotted = "status.mapping." + code.toLowerCase(Locale.ROOT);
		return ConfigurationPropertyName.isValid(PREFIX + "." + dotted) ? dotted : "status.mapping[" + code + "]";
	}

	private void validateHealthPort(HealthGrpcProperties properties) {
		Integer port = properties.getPort();
		if (port != null && (port < 0 || port > MAX_PORT)) {
			throw invalid("port", port, "It must be a TCP port from 0 to " + MAX_PORT
					+ ". Set it to a free port other than the main gRPC server's, such as 8081, or 0 for any free port.");
		}
		if (port == null && properties.getAddress() != null) {
			throw invalid("address", properties.getAddress().getHostAddress(),
					"It is the address of the health port, which grpc.health.port switches on. Set grpc.health.port "
							+ "too, or remove grpc.health.address.");
		}
	}

	private void positive(String name, int value, String action) {
		if (value <= 0) {
			throw invalid(name, value, "It must be positive. " + action);
		}
	}

	// A check's own interval and timeout may be unset, for the defaults to apply.
	private void positive(String name, HealthGrpcProperties.Check check) {
		positive(name + ".interval", check.getInterval());
		positive(name + ".timeout", check.getTimeout());
	}

	private void positive(String name, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw invalid(name, value, "It must be a positive duration. Set it to a duration such as 5s or 500ms.");
		}
	}

	private RuntimeException invalid(String name, Object value, String reason) {
		return InvalidHealthProperty.of(this.environment, PREFIX + "." + name, value, reason);
	}

}
