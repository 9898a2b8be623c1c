package io.github.healthgrpc.autoconfigure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.healthgrpc.store.ServiceDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/**
 * The built-in services for Kubernetes probes beside the mapped ones: the liveness service
 * follows liveness, the readiness service follows traffic like any other. Their members
 * are the checks that Spring Boot's {@code liveness} and {@code readiness} health groups
 * include ({@code management.endpoint.health.group.<name>.include}), so the HTTP and the
 * gRPC probes never disagree; without Spring Boot's health endpoint or without the group,
 * a probe service has no member checks and follows its availability state alone.
 */
final class ProbeServices {

	private final HealthGrpcProperties.Probes probes;

	private final ObjectProvider<HealthEndpointGroups> groups;

	/**
	 * Create the probe services.
	 * @param probes their settings
	 * @param groups Spring Boot's health groups, looked up when the services are defined
	 */
	ProbeServices(HealthGrpcProperties.Probes probes, ObjectProvider<HealthEndpointGroups> groups) {
		this.probes = probes;
		this.groups = groups;
	}

	/**
	 * Every service to define: the mapped ones, following traffic, and the probe services.
	 * @param mapped member checks by mapped service, {@code ""} included
	 * @param checks the names of every check
	 * @return the definition of each service
	 */
	Map<String, ServiceDefinition> definitions(Map<String, Set<String>> mapped, Collection<String> checks) {
		Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
		mapped.forEach((service, members) -> definitions.put(service, ServiceDefinition.followingTraffic(members)));
		if (this.probes.isEnabled()) {
			HealthEndpointGroups groups = this.groups.getIfAvailable();
			definitions.put(this.probes.getLivenessService(),
					ServiceDefinition.followingLiveness(members(groups, "liveness", checks)));
			definitions.put(this.probes.getReadinessService(),
					ServiceDefinition.followingTraffic(members(groups, "readiness", checks)));
		}
		return definitions;
	}

	private static Set<String> members(HealthEndpointGroups groups, String name, Collection<String> checks) {
		HealthEndpointGroup group = (groups != null) ? groups.get(name) : null;
		if (group == null) {
			return Set.of();
		}
		// Group members are contributor names, composite members as parent/child: the names
		// of the checks made from them.
		return checks.stream().filter(group::isMember).collect(Collectors.toUnmodifiableSet());
	}

}
