package io.github.healthgrpc.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.healthgrpc.engine.CheckDefinition;

import org.springframework.boot.health.autoconfigure.contributor.HealthContributorMembership;
import org.springframework.core.env.Environment;

/**
 * Validates the names that {@code grpc.health} gives checks against the checks of
 * startup, with Spring Boot's health group membership: {@code include} minus
 * {@code exclude}, {@code *} for all, and a composite's name selecting its members
 * ({@code db} selects {@code db/primary}). A name is known if it selects a check on its
 * own, so a typo stops startup instead of silently selecting nothing, and so does a
 * service whose include minus exclude leaves no check. The members themselves are
 * resolved by {@link HealthMappings#membersFor}.
 */
final class CheckSelection {

	private final Set<String> names;

	private final Environment environment;

	/**
	 * Create a selection over the given checks.
	 * @param checks every check; their names must be unique
	 * @param environment the environment the names were bound from, for failure reports
	 */
	CheckSelection(List<CheckDefinition> checks, Environment environment) {
		this.names = uniqueNames(checks);
		this.environment = environment;
	}

	/**
	 * Validate a group's names: each must select a check on its own.
	 * @param property the group's property, such as {@code grpc.health.overall}
	 * @param group the group
	 */
	void validate(String property, HealthGrpcProperties.Group group) {
		requireKnown(property + ".include", group.getInclude());
		requireKnown(property + ".exclude", group.getExclude());
	}

	/**
	 * Validate a service's group: its names, and that they leave a check. In an
	 * application without checks, a wildcard selects nothing, and the service then
	 * follows readiness alone.
	 * @param property the group's property, such as
	 * {@code grpc.health.services[demo.Inventory]}
	 * @param group the group
	 */
	void validateNonEmpty(String property, HealthGrpcProperties.Group group) {
		validate(property, group);
		if (select(group.getInclude(), group.getExclude()).isEmpty() && !this.names.isEmpty()) {
			throw InvalidHealthProperty.of(this.environment, property + ".exclude",
					String.join(",", group.getExclude()),
					property + " selects no check: include "
							+ (group.getInclude().isEmpty() ? "[*]" : group.getInclude()) + " minus exclude "
							+ group.getExclude() + " leaves nothing. "
							+ "Exclude fewer checks, or remove the mapping for the service to follow the "
							+ "overall status.");
		}
	}

	/**
	 * The one check that a settings key names when case is ignored, as environment
	 * variables (which cannot carry capitals) need.
	 * @param key the key
	 * @param property the property the key was written in, for failures
	 * @param value that property's value
	 * @return the check's name
	 */
	String named(String key, String property, Object value) {
		Set<String> matches = new TreeSet<>();
		for (String name : this.names) {
			if (name.equalsIgnoreCase(key)) {
				matches.add(name);
			}
		}
		if (matches.size() != 1) {
			throw InvalidHealthProperty.of(this.environment, property, value, matches.isEmpty()
					? "'" + key + "' in its name is not a check. " + knownChecks()
					: "'" + key + "' in its name matches the checks " + matches + ", which differ only by case. "
							+ "Give the checks names that differ by more than case: settings keys, like "
							+ "environment variables, ignore case.");
		}
		return matches.iterator().next();
	}

	private void requireKnown(String property, Set<String> names) {
		for (String name : names) {
			// "*" is valid even in an application that has no checks at all.
			if (!"*".equals(name.trim()) && select(Set.of(name), Set.of()).isEmpty()) {
				throw InvalidHealthProperty.of(this.environment, property, name,
						"'" + name + "' is not a check. " + knownChecks());
			}
		}
	}

	private Set<String> select(Set<String> include, Set<String> exclude) {
		HealthContributorMembership membership = HealthContributorMembership.byIncludeExclude(include, exclude);
		Set<String> selected = new TreeSet<>();
		for (String name : this.names) {
			if (membership.isMember(name)) {
				selected.add(name);
			}
		}
		return selected;
	}

	private String knownChecks() {
		return "Use one of the known checks " + this.names + " (Actuator health contributors by the name "
				+ "/actuator/health shows, @HealthCheck names, ManualHealthCheck names, upstream checks by their "
				+ "key under grpc.health.upstreams, and heap and cpu once grpc.health.resources.<name>.enabled is "
				+ "true), or * for all.";
	}

	/**
	 * Fail on an upstream check whose name another check has, naming the upstream's
	 * entry: its name is the one a user chose in {@code grpc.health.upstreams}, and so
	 * the one to change.
	 * @param checks every check, the upstream checks among them
	 * @param upstreams the upstream checks' settings by name
	 * @param environment the environment the names were bound from, for failure reports
	 */
	static void requireUpstreamNamesUnique(List<CheckDefinition> checks,
			Map<String, HealthGrpcProperties.Upstream> upstreams, Environment environment) {
		for (Map.Entry<String, HealthGrpcProperties.Upstream> entry : upstreams.entrySet()) {
			String name = entry.getKey();
			HealthGrpcProperties.Upstream upstream = entry.getValue();
			if (count(checks, name) > 1) {
				boolean target = upstream.getTarget() != null;
				String property = "grpc.health.upstreams." + name + (target ? ".target" : ".channel");
				throw InvalidHealthProperty.of(environment, property,
						String.valueOf(target ? upstream.getTarget() : upstream.getChannel()),
						"'" + name + "', the name of this upstream check, is also the name of another check (a "
								+ "health contributor, a @HealthCheck method, a ManualHealthCheck bean or a resource "
								+ "check), and check names are unique. Give the upstream check another name, such as "
								+ "grpc.health.upstreams." + name + "-upstream.");
			}
		}
	}

	private static int count(List<CheckDefinition> checks, String name) {
		int count = 0;
		for (CheckDefinition check : checks) {
			if (check.name().equals(name)) {
				count++;
			}
		}
		return count;
	}

	private static Set<String> uniqueNames(List<CheckDefinition> checks) {
		Set<String> names = new TreeSet<>();
		Set<String> duplicates = new TreeSet<>();
		for (CheckDefinition check : checks) {
			if (!names.add(check.name())) {
				duplicates.add(check.name());
			}
		}
		if (!duplicates.isEmpty()) {
			throw new IllegalStateException("Check names " + duplicates + " are used by more than one check "
					+ "(health contributors, @HealthCheck methods, ManualHealthCheck beans and the resource checks "
					+ "heap and cpu that grpc.health.resources switches on share one namespace). Give every check a "
					+ "unique name.");
		}
		return names;
	}

}
