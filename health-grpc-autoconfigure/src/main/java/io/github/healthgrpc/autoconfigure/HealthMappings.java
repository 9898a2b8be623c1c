package io.github.healthgrpc.autoconfigure;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.store.CheckSelector;
import io.github.healthgrpc.store.StatusStore;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the {@code grpc.health} mappings against the checks that exist: the member
 * checks of every service and the schedule of every check. Every name the configuration
 * mentions must exist, so a typo stops startup instead of silently selecting nothing.
 */
final class HealthMappings {

	private static final String PREFIX = "grpc.health.";

	private final Set<String> checkNames;

	private final Map<String, Set<String>> membersByService = new LinkedHashMap<>();

	private final Map<String, CheckSchedule> schedules = new LinkedHashMap<>();

	private final CheckSchedule defaultSchedule;

	/**
	 * Resolve the mappings.
	 * @param checkNames the names of every check
	 * @param overall the overall group
	 * @param services the service groups, by service name as written
	 * @param checkSettings the per-check settings, by check name in any case
	 * @param defaults the settings of checks without their own
	 * @param boundServices the services bound on the gRPC server, to restore the case of
	 * names that environment variables lowered
	 */
	HealthMappings(Set<String> checkNames, HealthGrpcProperties.Group overall,
			Collection<DottedKeyMap.Entry<HealthGrpcProperties.Group>> services,
			Collection<DottedKeyMap.Entry<HealthGrpcProperties.Check>> checkSettings,
			HealthGrpcProperties.Check defaults, Set<String> boundServices) {
		this.checkNames = Set.copyOf(checkNames);
		this.defaultSchedule = schedule(PREFIX + "defaults", defaults, null);
		this.membersByService.put(StatusStore.OVERALL, members(PREFIX + "overall", overall));
		Map<String, String> boundByLowerCase = boundServices.stream()
			.collect(Collectors.toMap((name) -> name.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
		for (DottedKeyMap.Entry<HealthGrpcProperties.Group> service : services) {
			if (service.key().isBlank()) {
				throw new InvalidHealthConfigurationException(service.property(), "has an empty service name",
						"Name the gRPC service in full (demo.Inventory), or use grpc.health.overall for the "
								+ "server's overall status");
			}
			String name = boundByLowerCase.getOrDefault(service.key().toLowerCase(Locale.ROOT), service.key());
			this.membersByService.put(name, members(service.property(), service.value()));
		}
		for (DottedKeyMap.Entry<HealthGrpcProperties.Check> settings : checkSettings) {
			this.schedules.put(checkName(settings),
					schedule(settings.property(), settings.value(), this.defaultSchedule));
		}
	}

	/**
	 * The member checks of every service, {@code ""} being the overall.
	 * @return member check names by service
	 */
	Map<String, Set<String>> membersByService() {
		return this.membersByService;
	}

	/**
	 * The schedule of a check.
	 * @param checkName the check's name
	 * @return its own schedule, or the default one
	 */
	CheckSchedule schedule(String checkName) {
		return this.schedules.getOrDefault(checkName, this.defaultSchedule);
	}

	// Environment variables lower the case of keys, and DottedKeyMap merges keys that differ
	// only by case, so a key names the one check that matches it when case is ignored.
	private String checkName(DottedKeyMap.Entry<?> settings) {
		Set<String> matches = this.checkNames.stream()
			.filter((check) -> check.equalsIgnoreCase(settings.key()))
			.collect(Collectors.toCollection(TreeSet::new));
		if (matches.isEmpty()) {
			throw unknownCheck(settings.property(), settings.key());
		}
		if (matches.size() > 1) {
			throw new InvalidHealthConfigurationException(settings.property(),
					"names the checks " + matches + ", which differ only by case",
					"Give the checks names that differ by more than case: settings keys, like environment "
							+ "variables, ignore case");
		}
		return matches.iterator().next();
	}

	private Set<String> members(String property, HealthGrpcProperties.Group group) {
		validateNames(property + ".include", group.getInclude());
		validateNames(property + ".exclude", group.getExclude());
		CheckSelector selector = new CheckSelector(group.getInclude(), group.getExclude());
		return this.checkNames.stream().filter(selector::selects).collect(Collectors.toCollection(TreeSet::new));
	}

	private void validateNames(String property, Set<String> names) {
		for (String name : names) {
			// "*" is valid even in an application that has no checks at all.
			boolean known = "*".equals(name)
					|| this.checkNames.stream().anyMatch((check) -> CheckSelector.refersTo(name, check));
			if (!known) {
				throw unknownCheck(property, name);
			}
		}
	}

	private InvalidHealthConfigurationException unknownCheck(String property, String name) {
		return new InvalidHealthConfigurationException(property, "names the unknown check '" + name + "'",
				"Use one of the known checks " + new TreeSet<>(this.checkNames)
						+ " (Actuator health contributors by the name /actuator/health shows, "
						+ "@HealthCheck names and ManualHealthCheck names), or * for all");
	}

	private static CheckSchedule schedule(String property, HealthGrpcProperties.Check settings,
			@Nullable CheckSchedule fallback) {
		Duration interval = PropertyValidation.positive(property + ".interval",
				orElse(settings.getInterval(), (fallback != null) ? fallback.interval() : null));
		Duration timeout = PropertyValidation.positive(property + ".timeout",
				orElse(settings.getTimeout(), (fallback != null) ? fallback.timeout() : null));
		return new CheckSchedule(interval, timeout);
	}

	private static @Nullable Duration orElse(@Nullable Duration value, @Nullable Duration fallback) {
		return (value != null) ? value : fallback;
	}

}
