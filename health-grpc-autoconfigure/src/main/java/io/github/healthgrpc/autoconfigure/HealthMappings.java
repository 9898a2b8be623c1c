package io.github.healthgrpc.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.StatusStore;
import org.springframework.core.env.Environment;

/**
 * The {@code grpc.health} mappings, resolved once against the checks that exist: every
 * check, the member checks of every service and the schedule of every check. A service
 * key takes the name of the bound service that it matches when case is ignored, since
 * environment variables cannot carry capitals.
 */
final class HealthMappings {

	private static final String PREFIX = "grpc.health.";

	private final List<CheckDefinition> checks;

	private final Map<String, Set<String>> membersByService = new LinkedHashMap<>();

	private final Map<String, HealthGrpcProperties.Group> groups = new LinkedHashMap<>();

	private final Map<String, CheckSchedule> schedules = new LinkedHashMap<>();

	private final CheckSchedule defaultSchedule;

	/**
	 * Resolve the mappings, failing on any name that selects no check.
	 * @param checks every check
	 * @param properties the bound and validated properties
	 * @param boundServices the services bound on the gRPC server
	 * @param environment the environment the properties were bound from, for failure
	 * reports
	 */
	HealthMappings(List<CheckDefinition> checks, HealthGrpcProperties properties, Set<String> boundServices,
			Environment environment) {
		this.checks = List.copyOf(checks);
		CheckSelection selection = new CheckSelection(checks, environment);
		this.membersByService.put(StatusStore.OVERALL,
				Set.copyOf(selection.members(PREFIX + "overall", properties.getOverall())));
		this.groups.put(StatusStore.OVERALL, properties.getOverall());
		Map<String, String> bound = boundServices.stream()
			.collect(Collectors.toMap(HealthMappings::caseless, Function.identity(), (first, other) -> first));
		properties.getServices().forEach((key, group) -> {
			Set<String> members = selection.nonEmptyMembers(PREFIX + "services[" + key + "]", group);
			String service = bound.getOrDefault(caseless(key), key);
			this.membersByService.put(service, Set.copyOf(members));
			this.groups.put(service, group);
		});
		HealthGrpcProperties.Check defaults = properties.getDefaults();
		this.defaultSchedule = new CheckSchedule(Objects.requireNonNull(defaults.getInterval()),
				Objects.requireNonNull(defaults.getTimeout()));
		properties.getChecks().forEach((key, check) -> {
			boolean interval = check.getInterval() != null;
			String property = PREFIX + "checks[" + key + "]." + (interval ? "interval" : "timeout");
			Object value = String.valueOf(interval ? check.getInterval() : check.getTimeout());
			this.schedules.put(selection.named(key, property, value),
					new CheckSchedule(Objects.requireNonNullElse(check.getInterval(), this.defaultSchedule.interval()),
							Objects.requireNonNullElse(check.getTimeout(), this.defaultSchedule.timeout())));
		});
	}

	/**
	 * Every check, in the order the sources gave them.
	 * @return the checks
	 */
	List<CheckDefinition> checks() {
		return this.checks;
	}

	/**
	 * The member checks of every service, {@code ""} being the overall.
	 * @return member check names by service
	 */
	Map<String, Set<String>> membersByService() {
		return Collections.unmodifiableMap(this.membersByService);
	}

	/**
	 * The member checks of every service for the checks that exist now, as contributors
	 * are registered and unregistered while the application runs: {@code *} and a
	 * composite's name select the checks that exist now. An include name that selects none
	 * of them (its check or composite went away) stays a member under that name, so its
	 * service is NOT_SERVING until the check is back: what the name stood for is unknown.
	 * For the checks of startup, this is {@link #membersByService()}.
	 * @param checkNames the names of every check that exists now
	 * @return member check names by service
	 */
	Map<String, Set<String>> membersFor(Set<String> checkNames) {
		Map<String, Set<String>> members = new LinkedHashMap<>();
		this.groups.forEach((service, group) -> members.put(service, RuntimeMembership.of(group, checkNames)));
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

	private static String caseless(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
