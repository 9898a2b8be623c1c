package io.github.healthgrpc.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSource;
import io.github.healthgrpc.store.StatusStore;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Starts the engine once every bean exists: gathers the checks from every
 * {@link CheckSource}, rejects unknown properties, resolves and validates the mappings,
 * defines the services in the store and starts the checks. It starts before the gRPC server and stops after it.
 */
final class HealthEngineLifecycle implements SmartLifecycle {

	/**
	 * Before the web and gRPC servers start, after they stop.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Set<String> GROUP_PROPERTIES = KnownProperties.of(HealthGrpcProperties.Group.class)
		.keySet();

	private static final Set<String> CHECK_PROPERTIES = KnownProperties.of(HealthGrpcProperties.Check.class)
		.keySet();

	private final StatusStore store;

	private final CheckRunner runner;

	private final List<CheckSource> sources;

	private final HealthGrpcProperties properties;

	private final Environment environment;

	private final BoundServiceNames boundServices;

	private volatile boolean running;

	private volatile boolean configured;

	HealthEngineLifecycle(StatusStore store, CheckRunner runner, List<CheckSource> sources,
			HealthGrpcProperties properties, Environment environment, BoundServiceNames boundServices) {
		this.store = store;
		this.runner = runner;
		this.sources = sources;
		this.properties = properties;
		this.environment = environment;
		this.boundServices = boundServices;
	}

	@Override
	public void start() {
		if (this.configured) {
			// Started again after a stop: the checks and mappings are as they were.
			this.runner.resume();
			this.running = true;
			return;
		}
		KnownProperties.validate(this.environment);
		List<CheckDefinition> checks = this.sources.stream().flatMap((source) -> source.checks().stream()).toList();
		HealthMappings mappings = new HealthMappings(uniqueNames(checks), this.properties.getOverall(),
				DottedKeyMap.bind(this.environment, "grpc.health.services", GROUP_PROPERTIES,
						HealthGrpcProperties.Group.class, HealthGrpcProperties.Group::new)
					.values(),
				DottedKeyMap.bind(this.environment, "grpc.health.checks", CHECK_PROPERTIES,
						HealthGrpcProperties.Check.class, HealthGrpcProperties.Check::new)
					.values(),
				this.properties.getDefaults(), this.boundServices.get());
		this.store.defineServices(mappings.membersByService());
		this.runner.start(checks, mappings::schedule);
		this.configured = true;
		this.running = true;
	}

	@Override
	public void stop() {
		// Pause only: the runner's threads are released when its bean is destroyed, so a
		// context that is stopped and started again polls again.
		this.runner.pause();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private static Set<String> uniqueNames(List<CheckDefinition> checks) {
		Set<String> names = new HashSet<>();
		Set<String> duplicates = checks.stream()
			.map(CheckDefinition::name)
			.filter((name) -> !names.add(name))
			.collect(Collectors.toCollection(TreeSet::new));
		if (!duplicates.isEmpty()) {
			throw new InvalidHealthConfigurationException("Check names " + duplicates,
					"are used by more than one check (health contributors, @HealthCheck methods and "
							+ "ManualHealthCheck beans share one namespace)",
					"Give every check a unique name");
		}
		return names;
	}

}
