package io.github.healthgrpc.autoconfigure;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.healthgrpc.engine.CheckSchedule;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Says what each refresh of the health contributors changed, so that nothing changes
 * silently: every registration, unregistration and replacement at INFO, with the services
 * the check joins or leaves, and nothing when only the objects a composite makes as it is
 * iterated are new; a service left naming a check that went away at WARN, with the fix; a
 * registry that cannot be read, or a contributor whose name another check has, at WARN
 * once until that passes.
 */
final class ContributorChangeLog {

	private static final Log logger = LogFactory.getLog(ContributorRefresh.class);

	private final Set<String> warnedTaken = new HashSet<>();

	private boolean unreadable;

	private boolean notApplied;

	void changed(Set<String> removed, Set<String> added, Map<String, Set<String>> before, Map<String, Set<String>> now,
			Set<String> names, Function<String, CheckSchedule> schedules) {
		for (String name : removed) {
			Set<String> naming = services(name, now);
			Map<String, Set<String>> left = new LinkedHashMap<>(before);
			naming.forEach(left::remove);
			logger.info("Health contributor '" + name + "' was unregistered: its check is removed from "
					+ servicesOf(name, left));
			if (!naming.isEmpty() && !names.contains(name)) {
				logger.warn("Health check '" + name + "' went away (its contributor was unregistered), but "
						+ properties(naming) + " include it by name: "
						+ naming.stream().map(ContributorChangeLog::quoted).collect(Collectors.joining(", "))
						+ " stay NOT_SERVING until a contributor named '" + name + "' is registered again. To "
						+ "let them serve without it, include it through * or its composite's name, or remove it "
						+ "from their include");
			}
		}
		for (String name : added) {
			CheckSchedule schedule = schedules.apply(name);
			String back = before.values().stream().anyMatch((members) -> members.contains(name))
					? " (it is back: the services that name it serve again once it is UP)" : "";
			logger.info("Health contributor '" + name + "' was registered: it is a check now, polled every "
					+ schedule.interval().toMillis() + "ms with a timeout of " + schedule.timeout().toMillis()
					+ "ms, and a member of " + servicesOf(name, now) + back);
		}
	}

	void replaced(Set<String> replaced) {
		for (String name : replaced) {
			logger.info("Health contributor '" + name + "' was replaced by another under its name: its check calls "
					+ "the new one from its next evaluation, on its schedule, and keeps its last result until then");
		}
	}

	void namesTaken(Set<String> taken) {
		this.warnedTaken.retainAll(taken);
		for (String name : taken) {
			if (this.warnedTaken.add(name)) {
				logger.warn("Health contributor '" + name + "' was registered, but another check has that name "
						+ "(a @HealthCheck, a ManualHealthCheck or another contributor): it is not a check. "
						+ "Register it under a name of its own");
			}
		}
	}

	void readable() {
		if (this.unreadable) {
			this.unreadable = false;
			logger.info("The health contributors can be read again");
		}
	}

	void unreadable(RuntimeException ex) {
		if (!this.unreadable) {
			this.unreadable = true;
			logger.warn("Could not read the health contributors, so contributors registered or unregistered "
					+ "meanwhile are not picked up; trying again on every refresh", ex);
		}
	}

	void applied() {
		this.notApplied = false;
	}

	void notApplied(RuntimeException ex) {
		if (!this.notApplied) {
			this.notApplied = true;
			logger.warn("Could not apply the changes of the health contributors; trying again on every refresh", ex);
		}
	}

	private static String servicesOf(String name, Map<String, Set<String>> members) {
		Set<String> services = services(name, members);
		if (services.isEmpty()) {
			return "no service (grpc.health.overall, grpc.health.services and Spring Boot's liveness and "
					+ "readiness health groups say which checks each includes)";
		}
		return "the services " + services.stream().map(ContributorChangeLog::quoted).collect(Collectors.joining(", "))
				+ (services.contains("") ? " (\"\" is the overall status, which unmapped services follow)" : "");
	}

	private static Set<String> services(String name, Map<String, Set<String>> members) {
		return members.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(name))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static String properties(Set<String> services) {
		return services.stream()
			.map((service) -> service.isEmpty() ? "grpc.health.overall.include"
					: "grpc.health.services[" + service + "].include")
			.collect(Collectors.joining(", "));
	}

	private static String quoted(String service) {
		return "\"" + service + "\"";
	}

}
