package io.github.healthgrpc.autoconfigure;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.health.autoconfigure.contributor.HealthContributorMembership;

/**
 * A group's members among the checks that exist now, with Spring Boot's health group
 * membership, keeping the include names that select none of them. At startup every
 * include name selects a check (or startup fails); one that no longer does named a check
 * that went away while the application ran, and its service must not pretend to know.
 */
final class RuntimeMembership {

	private RuntimeMembership() {
	}

	static Set<String> of(HealthGrpcProperties.Group group, Collection<String> checkNames) {
		HealthContributorMembership membership = HealthContributorMembership.byIncludeExclude(group.getInclude(),
				group.getExclude());
		Set<String> members = checkNames.stream()
			.filter(membership::isMember)
			.collect(Collectors.toCollection(TreeSet::new));
		group.getInclude()
			.stream()
			.map(String::trim)
			.filter((name) -> !"*".equals(name) && selectsNone(name, checkNames))
			.forEach(members::add);
		return members;
	}

	private static boolean selectsNone(String include, Collection<String> checkNames) {
		HealthContributorMembership membership = HealthContributorMembership.byIncludeExclude(Set.of(include), null);
		return checkNames.stream().noneMatch(membership::isMember);
	}

}
