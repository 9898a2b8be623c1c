package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckSource;
import io.github.healthgrpc.store.ServiceHealth;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.context.ApplicationContext;

/**
 * The polled checks behind one service of a running application, with their intervals.
 * Pushed checks (availability states, manual checks) have no interval: they change the
 * moment their source does.
 */
final class PolledChecks {

	private PolledChecks() {
	}

	/**
	 * The intervals of the polled member checks of a service.
	 * @param application the running application, which knows the members
	 * @param service the service
	 * @param health the configuration that sets the intervals
	 * @return interval by check name, empty for an unknown service
	 */
	static Map<String, Duration> intervals(ApplicationContext application, String service,
			HealthGrpcProperties health) {
		ServiceHealth members = application.getBean(StatusStore.class).health(service);
		Set<String> polled = application.getBeansOfType(CheckSource.class)
			.values()
			.stream()
			.flatMap((source) -> source.checks().stream())
			.filter(CheckDefinition.Polled.class::isInstance)
			.map(CheckDefinition::name)
			.collect(Collectors.toSet());
		Map<String, Duration> intervals = new TreeMap<>();
		if (members != null) {
			members.checks()
				.keySet()
				.stream()
				.filter(polled::contains)
				.forEach((check) -> intervals.put(check, interval(health, check)));
		}
		return intervals;
	}

	private static Duration interval(HealthGrpcProperties health, String check) {
		HealthGrpcProperties.Check own = health.getChecks().get(check);
		return (own != null && own.getInterval() != null) ? own.getInterval() : health.getDefaults().getInterval();
	}

}
