package io.github.healthgrpc.store;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Every known service with its definition, as one immutable value that the store swaps
 * whole under its lock: the services defined when the engine starts, and the followers,
 * services made known later (every service bound on the gRPC server) that take the
 * overall's definition, also when the overall's members change. Members added to a
 * service by name, on top of its definition, stay through every redefinition.
 */
final class ServiceDefinitions {

	private final Map<String, ServiceDefinition> byService;

	private final Set<String> followers;

	// Members added by name (with StatusStore.addMember), kept apart from the definitions
	// so that a redefinition does not drop them and a follower does not inherit the
	// overall's.
	private final Map<String, Set<String>> added;

	// Each service's definition with its added members, worked out once: every status
	// the store publishes reads them.
	private final Map<String, ServiceDefinition> withAdded;

	private ServiceDefinitions(Map<String, ServiceDefinition> byService, Set<String> followers,
			Map<String, Set<String>> added) {
		this.byService = Map.copyOf(byService);
		this.followers = Set.copyOf(followers);
		this.added = Map.copyOf(added);
		this.withAdded = withAdded(this.byService, this.added);
	}

	/**
	 * Before the engine starts: the overall alone, with no member checks.
	 * @return the definitions
	 */
	static ServiceDefinitions initial() {
		return new ServiceDefinitions(Map.of(StatusStore.OVERALL, ServiceDefinition.followingTraffic(Set.of())),
				Set.of(), Map.of());
	}

	/**
	 * The given definitions and no followers, keeping the members added to these.
	 * @param definitions the definition of each service; must contain the overall, which
	 * must follow traffic
	 * @return the definitions
	 */
	ServiceDefinitions redefined(Map<String, ServiceDefinition> definitions) {
		ServiceDefinition overall = definitions.get(StatusStore.OVERALL);
		Assert.isTrue(overall != null, "The overall service \"\" must be defined");
		Assert.isTrue(overall.gate() == ServiceDefinition.Gate.TRAFFIC, "The overall service \"\" must follow traffic");
		return new ServiceDefinitions(definitions, Set.of(), this.added);
	}

	/**
	 * The same services with new members: each named service keeps its gate, and the
	 * followers take the overall's new definition.
	 * @param membersByService new member check names by known service
	 * @return the new definitions
	 */
	ServiceDefinitions withMembers(Map<String, Set<String>> membersByService) {
		Map<String, ServiceDefinition> redefined = new LinkedHashMap<>(this.byService);
		for (Map.Entry<String, Set<String>> members : membersByService.entrySet()) {
			ServiceDefinition known = redefined.get(members.getKey());
			if (known == null) {
				throw new IllegalArgumentException("Service \"" + members.getKey() + "\" is not defined");
			}
			redefined.put(members.getKey(), new ServiceDefinition(members.getValue(), known.gate()));
		}
		ServiceDefinition overall = redefined.get(StatusStore.OVERALL);
		for (String service : this.followers) {
			if (!membersByService.containsKey(service)) {
				redefined.put(service, overall);
			}
		}
		return new ServiceDefinitions(redefined, this.followers, this.added);
	}

	/**
	 * These services and the given ones, those not known yet becoming followers.
	 * @param services the service names
	 * @return the new definitions, or these if every service was known
	 */
	ServiceDefinitions withFollowers(Collection<String> services) {
		Map<String, ServiceDefinition> extended = new LinkedHashMap<>(this.byService);
		Set<String> followers = new LinkedHashSet<>(this.followers);
		ServiceDefinition overall = this.byService.get(StatusStore.OVERALL);
		for (String service : services) {
			if (!this.byService.containsKey(service)) {
				extended.put(service, overall);
				followers.add(service);
			}
		}
		return (followers.size() != this.followers.size()) ? new ServiceDefinitions(extended, followers, this.added)
				: this;
	}

	/**
	 * These services, with one member added to or removed from a service's added ones.
	 * @param service the service name, known or not: a service made known later takes it
	 * @param check the member check's name
	 * @param add whether to add it or remove it
	 * @return the new definitions, or these if nothing changed
	 */
	ServiceDefinitions withAddedMember(String service, String check, boolean add) {
		Set<String> members = new LinkedHashSet<>(this.added.getOrDefault(service, Set.of()));
		if (!(add ? members.add(check) : members.remove(check))) {
			return this;
		}
		Map<String, Set<String>> added = new LinkedHashMap<>(this.added);
		if (members.isEmpty()) {
			added.remove(service);
		}
		else {
			added.put(service, Set.copyOf(members));
		}
		return new ServiceDefinitions(this.byService, this.followers, added);
	}

	/**
	 * The definition of a service.
	 * @param service the service name
	 * @return its definition, or {@code null} if it is not known
	 */
	@Nullable ServiceDefinition get(String service) {
		return this.withAdded.get(service);
	}

	/**
	 * Every known service with its definition.
	 * @return the definitions by service, in no particular order
	 */
	Map<String, ServiceDefinition> all() {
		return this.withAdded;
	}

	private static Map<String, ServiceDefinition> withAdded(Map<String, ServiceDefinition> byService,
			Map<String, Set<String>> added) {
		if (added.isEmpty()) {
			return byService;
		}
		Map<String, ServiceDefinition> withAdded = new LinkedHashMap<>();
		for (Map.Entry<String, ServiceDefinition> entry : byService.entrySet()) {
			ServiceDefinition definition = entry.getValue();
			Set<String> members = added.get(entry.getKey());
			if (members != null) {
				Set<String> all = new LinkedHashSet<>(definition.members());
				all.addAll(members);
				definition = new ServiceDefinition(all, definition.gate());
			}
			withAdded.put(entry.getKey(), definition);
		}
		return Collections.unmodifiableMap(withAdded);
	}

}
