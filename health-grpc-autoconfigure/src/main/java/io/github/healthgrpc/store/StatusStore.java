package io.github.healthgrpc.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The single source of truth: the latest result of every check and the derived serving
 * status of every known gRPC service ({@code ""} being the server overall).
 *
 * <p>
 * Each service has a {@link ServiceDefinition}: its member checks and its gate. A service
 * that follows traffic (every mapped and bound service, and {@code ""}) is SERVING only
 * while the application accepts traffic and is not draining, every member check has a
 * first result and every member's status maps to SERVING under the
 * {@link ServingStatusMapper} (by default: is UP; a status it throws on counts as DOWN).
 * A service that follows liveness is SERVING while the application is live and every
 * member check that has a result maps to SERVING, the drain and the close included. A
 * service that follows traffic and is under maintenance
 * ({@link #startMaintenance(String)}) is NOT_SERVING whatever its checks say until the
 * maintenance ends, and the drain holds it after that. Reads are a volatile read and a
 * map lookup; they never run a check and never wait for a writer. Writers (check results,
 * lifecycle changes, maintenance) derive the new statuses one at a time and hand the real
 * changes to the listeners, which hear them on threads of the store's own (see
 * {@link StatusListener}): a writer never waits for a listener.
 *
 * <p>
 * Shutdown has two steps: {@link #drain()} turns every service that follows traffic
 * NOT_SERVING for good while Watch calls stay open to hear it, and {@link #close()} then
 * tells the listeners that the store closed; a service that follows liveness keeps its
 * status through both, since the process is alive until the server stops.
 *
 * @since 0.1.0
 */
public final class StatusStore implements ServiceStatuses {

	private final Object lock = new Object();

	private final ChangeDispatcher dispatcher = new ChangeDispatcher();

	private final Map<String, Health> results = new ConcurrentHashMap<>();

	private final Map<String, Instant> resultTimes = new ConcurrentHashMap<>();

	// Guarded by lock: the checks whose latest result lets their services serve, mapped
	// once as it is recorded.
	private final Set<String> servingResults = new HashSet<>();

	private final ServingStatusMapper mapper;

	// Guarded by lock; readers see it in the published view, beside the statuses derived
	// from it.
	private ServiceDefinitions definitions = ServiceDefinitions.initial();

	// Guarded by lock, like the definitions, and published beside them.
	private Set<String> maintenance = Set.of();

	private volatile Published published = new Published(this.definitions, Map.of(OVERALL, ServingState.NOT_SERVING),
			this.maintenance);

	private boolean acceptingTraffic;

	private boolean live;

	private volatile boolean draining;

	private volatile boolean closed;

	private volatile boolean everServing;

	/**
	 * Create a store with the default rule: a check lets its services serve while it is
	 * UP.
	 */
	public StatusStore() {
		this(ServingStatusMapper.getDefault());
	}

	/**
	 * Create a store with the given rule for which check statuses let a service serve.
	 * @param mapper the rule
	 */
	public StatusStore(ServingStatusMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Define the known services as following traffic, with their member checks.
	 * @param membersByService member check names by service; must contain
	 * {@link #OVERALL}
	 * @see #define(Map)
	 */
	public void defineServices(Map<String, Set<String>> membersByService) {
		Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
		for (Map.Entry<String, Set<String>> members : membersByService.entrySet()) {
			definitions.put(members.getKey(), ServiceDefinition.followingTraffic(members.getValue()));
		}
		define(definitions);
	}

	/**
	 * Define the known services. Services named here keep their own definition; services
	 * added later with {@link #addServices} follow the overall's. Members added with
	 * {@link #addMember} stay.
	 * @param definitions the definition of each service; must contain {@link #OVERALL},
	 * which must follow traffic
	 */
	public void define(Map<String, ServiceDefinition> definitions) {
		synchronized (this.lock) {
			this.definitions = this.definitions.redefined(definitions);
			publish();
		}
	}

	/**
	 * Give services new member checks while the application runs, as checks come and go.
	 * Each service keeps its definition's gate and only its members change: services
	 * named here get the given members; services that follow the overall (added with
	 * {@link #addServices}) get the overall's new members; every other known service
	 * keeps its own. A member without a result keeps a service that follows traffic
	 * NOT_SERVING, as at startup.
	 * @param membersByService new member check names by known service
	 */
	public void redefineMembers(Map<String, Set<String>> membersByService) {
		synchronized (this.lock) {
			this.definitions = this.definitions.withMembers(membersByService);
			publish();
		}
	}

	/**
	 * Add a member check to a service on top of the members its definition gives it, for
	 * a check that code adds while the application runs (a status set through grpc-java's
	 * {@code HealthStatusManager}). It stays through every redefinition until
	 * {@link #removeMember removed}; it is not the overall's member when the service is,
	 * and a service not known yet takes it when it becomes known. Until the check has a
	 * first result, a service that follows traffic is NOT_SERVING, as at startup.
	 * @param service the service name, {@code ""} for the overall
	 * @param checkName the member check's name
	 */
	public void addMember(String service, String checkName) {
		changeAddedMember(service, checkName, true);
	}

	/**
	 * Remove a member check that {@link #addMember} added; the service follows the
	 * members of its definition again.
	 * @param service the service name
	 * @param checkName the member check's name
	 */
	public void removeMember(String service, String checkName) {
		changeAddedMember(service, checkName, false);
	}

	private void changeAddedMember(String service, String checkName, boolean add) {
		synchronized (this.lock) {
			ServiceDefinitions changed = this.definitions.withAddedMember(service, checkName, add);
			if (changed != this.definitions) {
				this.definitions = changed;
				publish();
			}
		}
	}

	/**
	 * Forget the result of a check that no longer exists; a service that still names it
	 * turns NOT_SERVING, since the truth about that member is unknown.
	 * @param checkName the check's name
	 */
	public void forget(String checkName) {
		synchronized (this.lock) {
			this.resultTimes.remove(checkName);
			this.servingResults.remove(checkName);
			if (this.results.remove(checkName) != null) {
				publish();
			}
		}
	}

	/**
	 * Make services known that follow the overall status, such as every service bound on
	 * the gRPC server. Services already known keep their members.
	 * @param services the service names
	 */
	public void addServices(Collection<String> services) {
		synchronized (this.lock) {
			ServiceDefinitions extended = this.definitions.withFollowers(services);
			if (extended != this.definitions) {
				this.definitions = extended;
				publish();
			}
		}
	}

	/**
	 * Record the latest result of a check. Its status is mapped once, here: if the
	 * {@link ServingStatusMapper} throws on it, the store keeps a DOWN result naming the
	 * failure in its place, which lets no service serve, so the result it keeps and the
	 * statuses it publishes always agree.
	 * @param checkName the check's name
	 * @param health its result
	 * @return the result kept: {@code health} itself, or the DOWN result in its place
	 */
	public Health record(String checkName, Health health) {
		Health kept = health;
		boolean serves;
		try {
			serves = this.mapper.map(health.getStatus()) == ServingState.SERVING;
		}
		catch (RuntimeException | LinkageError ex) {
			kept = Health.down()
				.withDetail("error",
						"The serving status mapper threw on status " + health.getStatus() + ": " + describe(ex))
				.build();
			serves = false;
		}
		synchronized (this.lock) {
			this.resultTimes.put(checkName, Instant.now());
			Health previous = this.results.put(checkName, kept);
			boolean served = this.servingResults.contains(checkName);
			if (serves) {
				this.servingResults.add(checkName);
			}
			else {
				this.servingResults.remove(checkName);
			}
			if (previous == null || !previous.getStatus().equals(kept.getStatus()) || served != serves) {
				publish();
			}
		}
		return kept;
	}

	/**
	 * Say whether the application accepts traffic; while it does not, every service is
	 * NOT_SERVING whatever its checks say. Once the drain has begun, it no longer
	 * matters.
	 * @param acceptingTraffic whether it accepts traffic
	 */
	public void setAcceptingTraffic(boolean acceptingTraffic) {
		synchronized (this.lock) {
			this.acceptingTraffic = acceptingTraffic;
			publish();
		}
	}

	/**
	 * Say whether the application is live (its liveness state is correct); while it is
	 * not, every service that follows liveness is NOT_SERVING. Before the first call it
	 * is not.
	 * @param live whether it is live
	 */
	public void setLive(boolean live) {
		synchronized (this.lock) {
			this.live = live;
			publish();
		}
	}

	/**
	 * Begin the shutdown drain: every service that follows traffic turns NOT_SERVING for
	 * good. Nothing undoes it, neither the application accepting traffic again nor a
	 * check turning UP; the listeners keep hearing the changes until {@link #close()}.
	 */
	public void drain() {
		synchronized (this.lock) {
			this.draining = true;
			publish();
		}
	}

	/**
	 * Put a service that follows traffic under maintenance: it turns NOT_SERVING until
	 * {@link #endMaintenance(String)}, whatever its checks say, and watchers hear it at
	 * once. A check that recovers does not end it, and it does not end the drain. Once
	 * the store is closed, maintenance no longer changes: every status stays as it is for
	 * good.
	 * @param service a known service that follows traffic ({@code ""} for the overall)
	 * @return {@code true} if the service was not under maintenance and now is;
	 * {@code false} if it already was, or if the store is closed
	 * @throws IllegalArgumentException if the service is not known or follows liveness
	 * @see #maintainableServices()
	 */
	public boolean startMaintenance(String service) {
		synchronized (this.lock) {
			ServiceDefinition definition = this.definitions.get(service);
			if (definition == null || definition.gate() != ServiceDefinition.Gate.TRAFFIC) {
				throw new IllegalArgumentException("Service \"" + service + "\" cannot be put under maintenance: "
						+ ((definition == null) ? "it is not known" : "it follows liveness"));
			}
			return changeMaintenance(Set.of(service), Set.of());
		}
	}

	/**
	 * Put every known service that follows traffic under maintenance, the overall and the
	 * readiness service included, as {@link #startMaintenance(String)} would one at a
	 * time. Services that become known later are not under maintenance; services that
	 * follow liveness never are. Once the store is closed, nothing changes.
	 * @return the services whose maintenance this call started, empty if every one
	 * already was under maintenance or the store is closed
	 */
	public Set<String> startMaintenanceOfEveryService() {
		synchronized (this.lock) {
			Set<String> started = new LinkedHashSet<>(maintainable());
			started.removeAll(this.maintenance);
			return changeMaintenance(started, Set.of()) ? Set.copyOf(started) : Set.of();
		}
	}

	/**
	 * End a service's maintenance; it serves again as its checks and the lifecycle say.
	 * Nothing happens if it was not under maintenance, or once the store is closed.
	 * @param service the service
	 * @return {@code true} if it was under maintenance and no longer is
	 */
	public boolean endMaintenance(String service) {
		synchronized (this.lock) {
			return changeMaintenance(Set.of(), Set.of(service));
		}
	}

	/**
	 * End the maintenance of every service. Nothing happens once the store is closed.
	 * @return the services whose maintenance ended, empty if none was under maintenance
	 */
	public Set<String> endMaintenanceOfEveryService() {
		synchronized (this.lock) {
			Set<String> ended = this.maintenance;
			return changeMaintenance(Set.of(), ended) ? ended : Set.of();
		}
	}

	@Override
	public Set<String> maintenance() {
		return this.published.maintenance();
	}

	@Override
	public Set<String> maintainableServices() {
		synchronized (this.lock) {
			return maintainable();
		}
	}

	private Set<String> maintainable() {
		Set<String> services = new LinkedHashSet<>();
		for (Map.Entry<String, ServiceDefinition> definition : this.definitions.all().entrySet()) {
			if (definition.getValue().gate() == ServiceDefinition.Gate.TRAFFIC) {
				services.add(definition.getKey());
			}
		}
		return Set.copyOf(services);
	}

	// Called with the lock held. Refused once closed: publish() no longer runs then, and
	// a set that changed without being published would tell what the statuses do not.
	private boolean changeMaintenance(Set<String> started, Set<String> ended) {
		if (this.closed) {
			return false;
		}
		Set<String> maintenance = new LinkedHashSet<>(this.maintenance);
		maintenance.addAll(started);
		maintenance.removeAll(ended);
		if (maintenance.equals(this.maintenance)) {
			return false;
		}
		this.maintenance = Set.copyOf(maintenance);
		publish();
		return true;
	}

	@Override
	public boolean isDraining() {
		return this.draining;
	}

	/**
	 * Close the store for shutdown: every service that follows traffic turns NOT_SERVING,
	 * every status stays as it then is for good, and listeners hear
	 * {@link StatusListener#storeClosed()}, after every earlier change.
	 */
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.draining = true;
			publish();
			this.closed = true;
			this.dispatcher.closed();
		}
	}

	/**
	 * Wait until every listener has heard every change made so far, the close included. A
	 * listener that is slow or blocked can make this wait the whole timeout.
	 * @param timeout the longest time to wait
	 * @return the listeners that had not heard everything when the timeout passed; empty
	 * if all had
	 */
	public List<StatusListener> awaitListeners(Duration timeout) {
		return this.dispatcher.behind(timeout);
	}

	@Override
	public boolean isClosed() {
		return this.closed;
	}

	@Override
	public boolean hasEverServed() {
		return this.everServing;
	}

	@Override
	public @Nullable ServingState status(String service) {
		return this.published.statuses().get(service);
	}

	@Override
	public Map<String, ServingState> statuses() {
		return this.published.statuses();
	}

	@Override
	public @Nullable ServiceHealth health(String service) {
		// One read, so that the status and the members shown beside it belong together.
		Published published = this.published;
		ServingState status = published.statuses().get(service);
		ServiceDefinition definition = published.definitions().get(service);
		if (status == null || definition == null) {
			return null;
		}
		Map<String, Status> checkStatuses = new LinkedHashMap<>();
		for (String check : definition.members()) {
			checkStatuses.put(check, checkStatus(check));
		}
		return new ServiceHealth(status, checkStatuses);
	}

	@Override
	public @Nullable Health checkResult(String checkName) {
		return this.results.get(checkName);
	}

	@Override
	public @Nullable Instant checkResultTime(String checkName) {
		return this.resultTimes.get(checkName);
	}

	@Override
	public void addListener(StatusListener listener) {
		this.dispatcher.add(listener);
	}

	@Override
	public void removeListener(StatusListener listener) {
		this.dispatcher.remove(listener);
	}

	private Status checkStatus(String check) {
		Health result = this.results.get(check);
		return (result != null) ? result.getStatus() : Status.UNKNOWN;
	}

	// Called with the lock held: derive every status, then hand the changes to the
	// listeners' lanes, which keep their order and deliver them on their own threads.
	private void publish() {
		if (this.closed) {
			return;
		}
		Map<String, ServingState> previous = this.published.statuses();
		Map<String, ServingState> current = new LinkedHashMap<>();
		for (Map.Entry<String, ServiceDefinition> definition : this.definitions.all().entrySet()) {
			ServingState status = derive(definition.getKey(), definition.getValue());
			current.put(definition.getKey(), status);
			if (status == ServingState.SERVING && definition.getValue().gate() == ServiceDefinition.Gate.TRAFFIC) {
				this.everServing = true;
			}
		}
		this.published = new Published(this.definitions, Map.copyOf(current), this.maintenance);
		Map<String, ServingState> changes = new LinkedHashMap<>();
		for (Map.Entry<String, ServingState> status : current.entrySet()) {
			if (status.getValue() != previous.get(status.getKey())) {
				changes.put(status.getKey(), status.getValue());
			}
		}
		if (!changes.isEmpty()) {
			// As one: a listener hears the changes of one publication together, never a
			// part.
			this.dispatcher.changed(changes);
		}
	}

	// Loops, not streams: this runs for every service each time a status may change.
	private ServingState derive(String service, ServiceDefinition definition) {
		boolean serving = switch (definition.gate()) {
			case TRAFFIC -> this.acceptingTraffic && !this.draining && !this.maintenance.contains(service)
					&& this.servingResults.containsAll(definition.members());
			// Liveness waits for no first result: a check that has not answered yet says
			// nothing about whether the process should be restarted.
			case LIVENESS -> this.live && noneFailing(definition.members());
		};
		return serving ? ServingState.SERVING : ServingState.NOT_SERVING;
	}

	private boolean noneFailing(Set<String> checks) {
		for (String check : checks) {
			if (this.results.containsKey(check) && !this.servingResults.contains(check)) {
				return false;
			}
		}
		return true;
	}

	// A failure of user code, worded even if its message cannot be read.
	private static String describe(Throwable failure) {
		try {
			return failure.toString();
		}
		catch (RuntimeException ex) {
			return failure.getClass().getName();
		}
	}

	/**
	 * What readers see: the services' definitions, the services under maintenance and the
	 * statuses derived from them.
	 */
	private record Published(ServiceDefinitions definitions, Map<String, ServingState> statuses,
			Set<String> maintenance) {
	}

}
