package io.github.healthgrpc.autoconfigure;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.store.ServiceDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/**
 * The built-in services for Kubernetes probes beside the mapped ones: the liveness
 * service follows liveness, the readiness service follows traffic like any other. Their
 * members are the checks that Spring Boot's {@code liveness} and {@code readiness} health
 * groups include ({@code management.endpoint.health.group.<name>.include}), so the HTTP
 * and the gRPC probes never disagree; without Spring Boot's health endpoint or without
 * the group, a probe service has no member checks and follows its availability state
 * alone.
 */
final class ProbeServices {

	private final HealthGrpcProperties.Probes probes;

	private final ObjectProvider<HealthEndpointGroups> groups;

	/**
	 * Create the probe services.
	 * @param probes their settings
	 * @param groups Spring Boot's health groups, looked up each time members are resolved
	 */
	ProbeServices(HealthGrpcProperties.Probes probes, ObjectProvider<HealthEndpointGroups> groups) {
		this.probes = probes;
		this.groups = groups;
	}

	/**
	 * The member checks of each probe service among the given checks: those that its
	 * health group includes. A group asks each check by name, so a check that comes later
	 * joins the group's service, and one that goes leaves it.
	 * @param checks the names of every check that exists
	 * @return member check names by probe service; empty when the probes are disabled
	 */
	Map<String, Set<String>> membersFor(Collection<String> checks) {
		Map<String, Set<String>> members = new LinkedHashMap<>();
		if (this.probes.isEnabled()) {
			HealthEndpointGroups groups = this.groups.getIfAvailable();
			members.put(this.probes.getLivenessService(), members(groups, "liveness", checks));
			members.put(this.probes.getReadinessService(), members(groups, "readiness", checks));
		}
		return members;
	}

	/**
	 * What a service follows: liveness for the liveness service, traffic for every other.
	 * @param service the service's name
	 * @return its gate
	 */
	ServiceDefinition.Gate gate(String service) {
		return (this.probes.isEnabled() && this.probes.getLivenessService().equals(service))
				? ServiceDefinition.Gate.LIVENESS : ServiceDefinition.Gate.TRAFFIC;
	}

	private static Set<String> members(@Nullable HealthEndpointGroups groups, String name, Collection<String> checks) {
		HealthEndpointGroup group = (groups != null) ? groups.get(name) : null;
		if (group == null) {
			return Set.of();
		}
		// Group members are contributor names, composite members as parent/child: the
		// names of the checks made from them.
		Set<String> members = new HashSet<>();
		for (String check : checks) {
			if (group.isMember(check)) {
				members.add(check);
			}
		}
		return Set.copyOf(members);
	}

}
