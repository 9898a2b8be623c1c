package io.github.healthgrpc.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.ServiceDefinition;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.boot.health.autoconfigure.contributor.HealthContributorMembership;
import org.springframework.core.env.Environment;

/**
 * The {@code grpc.health} mappings, validated once against the checks that exist at
 * startup: every check, the definition of every service (the mapped ones and the built-in
 * probe services) and the schedule of every check. A service key takes the name of the
 * application's gRPC service that it matches when case is ignored, since environment
 * variables cannot carry capitals; a key that matches none keeps its spelling. The
 * members of every service are resolved by one function, {@link #membersFor}, for the
 * checks of startup and again as checks come and go.
 */
final class HealthMappings {

	private static final String PREFIX = "grpc.health.";

	private final List<CheckDefinition> checks;

	private final Map<String, HealthGrpcProperties.Group> groups = new LinkedHashMap<>();

	private final Map<String, CheckSchedule> schedules = new LinkedHashMap<>();

	private final CheckSchedule defaultSchedule;

	private final ProbeServices probes;

	/**
	 * Resolve the mappings, failing on any name that selects no check.
	 * @param checks every check
	 * @param properties the bound and validated properties
	 * @param grpcServices the names of the application's gRPC services
	 * @param probes the built-in probe services
	 * @param environment the environment the properties were bound from, for failure
	 * reports
	 */
	HealthMappings(List<CheckDefinition> checks, HealthGrpcProperties properties, Set<String> grpcServices,
			ProbeServices probes, Environment environment) {
		this.checks = List.copyOf(checks);
		this.probes = probes;
		CheckSelection.requireUpstreamNamesUnique(checks, properties.getUpstreams(), environment);
		CheckSelection selection = new CheckSelection(checks, environment);
		selection.validate(PREFIX + "overall", properties.getOverall());
		this.groups.put(StatusStore.OVERALL, properties.getOverall());
		Map<String, String> services = new HashMap<>();
		for (String service : grpcServices) {
			services.putIfAbsent(caseless(service), service);
		}
		for (Map.Entry<String, HealthGrpcProperties.Group> service : properties.getServices().entrySet()) {
			String key = service.getKey();
			selection.validateNonEmpty(PREFIX + "services[" + key + "]", service.getValue());
			this.groups.put(services.getOrDefault(caseless(key), key), service.getValue());
		}
		HealthGrpcProperties.Defaults defaults = properties.getDefaults();
		this.defaultSchedule = new CheckSchedule(defaults.getInterval(), defaults.getTimeout());
		for (Map.Entry<String, HealthGrpcProperties.Check> entry : properties.getChecks().entrySet()) {
			String key = entry.getKey();
			HealthGrpcProperties.Check check = entry.getValue();
			boolean interval = check.getInterval() != null;
			String property = PREFIX + "checks[" + key + "]." + (interval ? "interval" : "timeout");
			Object value = String.valueOf(interval ? check.getInterval() : check.getTimeout());
			this.schedules.put(selection.named(key, property, value),
					new CheckSchedule(Objects.requireNonNullElse(check.getInterval(), this.defaultSchedule.interval()),
							Objects.requireNonNullElse(check.getTimeout(), this.defaultSchedule.timeout())));
		}
	}

	/**
	 * Every check, in the order the sources gave them.
	 * @return the checks
	 */
	List<CheckDefinition> checks() {
		return this.checks;
	}

	/**
	 * The member checks of every service for the checks of startup, {@code ""} being the
	 * overall.
	 * @return member check names by service
	 * @see #membersFor
	 */
	Map<String, Set<String>> membersByService() {
		List<String> names = new ArrayList<>(this.checks.size());
		for (CheckDefinition check : this.checks) {
			names.add(check.name());
		}
		return membersFor(names);
	}

	/**
	 * The definition of every service for the checks of startup: its members, and what it
	 * follows.
	 * @return definitions by service
	 */
	Map<String, ServiceDefinition> definitions() {
		Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
		for (Map.Entry<String, Set<String>> service : membersByService().entrySet()) {
			definitions.put(service.getKey(),
					new ServiceDefinition(service.getValue(), this.probes.gate(service.getKey())));
		}
		return definitions;
	}

	/**
	 * The member checks of every service, mapped and built-in, among the given checks: at
	 * startup and again as contributors are registered and unregistered while the
	 * application runs. {@code *} and a composite's name select the checks that exist
	 * then. A mapped include name that selects none of them (its check or composite went
	 * away) stays a member under that name, so its service is NOT_SERVING until the check
	 * is back: what the name stood for is unknown. A probe service has the checks that
	 * its Spring Boot health group includes.
	 * @param checkNames the names of every check that exists
	 * @return member check names by service
	 */
	Map<String, Set<String>> membersFor(Collection<String> checkNames) {
		Map<String, Set<String>> members = new LinkedHashMap<>();
		for (Map.Entry<String, HealthGrpcProperties.Group> group : this.groups.entrySet()) {
			members.put(group.getKey(), members(group.getValue(), checkNames));
		}
		members.putAll(this.probes.membersFor(checkNames));
		return members;
	}

	/**
	 * The schedule of a check.
	 * @param checkName the check's name
	 * @return its own schedule, or the default one
	 */
	CheckSchedule schedule(String checkName) {
		return this.schedules.getOrDefault(checkName, this.defaultSchedule);
	}

	// A group's members among the checks that exist now, keeping the include names that
	// select none of them. At startup every include name selects a check (or startup
	// fails); one that no longer does named a check that went away while the application
	// ran, and its service must not pretend to know.
	private static Set<String> members(HealthGrpcProperties.Group group, Collection<String> checkNames) {
		HealthContributorMembership membership = HealthContributorMembership.byIncludeExclude(group.getInclude(),
				group.getExclude());
		Set<String> members = new TreeSet<>();
		for (String name : checkNames) {
			if (membership.isMember(name)) {
				members.add(name);
			}
		}
		for (String include : group.getInclude()) {
			String name = include.trim();
			if (!"*".equals(name) && selectsNone(name, checkNames)) {
				members.add(name);
			}
		}
		return members;
	}

	private static boolean selectsNone(String include, Collection<String> checkNames) {
		HealthContributorMembership membership = HealthContributorMembership.byIncludeExclude(Set.of(include), null);
		for (String name : checkNames) {
			if (membership.isMember(name)) {
				return false;
			}
		}
		return true;
	}

	private static String caseless(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
