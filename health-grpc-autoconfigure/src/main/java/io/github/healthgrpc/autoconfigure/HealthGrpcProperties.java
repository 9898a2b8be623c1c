package io.github.healthgrpc.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.store.ServingState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for health-grpc, under {@code grpc.health}.
 *
 * <p>
 * Service and check names are map keys. gRPC service names contain dots; write them as
 * plain keys ({@code demo.Inventory:}) or in brackets ({@code "[demo.Inventory]":}):
 * health-grpc binds both within Spring Boot's binding, although Spring Boot's binder
 * alone would drop the plain form. Every other property under {@code grpc.health} must be
 * one of these: an unknown one stops startup ({@code ignoreUnknownFields = false}),
 * except in environment variables and system properties, as Spring Boot does.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "grpc.health", ignoreUnknownFields = false)
public class HealthGrpcProperties {

	/**
	 * Whether to serve grpc.health.v1.Health from health-grpc's checks.
	 */
	private boolean enabled = true;

	/**
	 * Checks that make up the server's overall status (service "").
	 */
	private final Group overall = new Group();

	/**
	 * Checks of each gRPC service, by fully qualified service name as a plain key or in
	 * brackets. Services bound on the server but not named here follow the overall
	 * status.
	 */
	private final Map<String, Group> services = new LinkedHashMap<>();

	/**
	 * Interval and timeout of individual checks, by check name.
	 */
	private final Map<String, Check> checks = new LinkedHashMap<>();

	/**
	 * Checks that follow another gRPC server's Health service over one open Watch call,
	 * by check name.
	 */
	private final Map<String, Upstream> upstreams = new LinkedHashMap<>();

	/**
	 * Interval and timeout of checks that have no settings of their own.
	 */
	private final Defaults defaults = new Defaults();

	private final Scheduler scheduler = new Scheduler();

	private final Shutdown shutdown = new Shutdown();

	private final ListCalls list = new ListCalls();

	private final Watch watch = new Watch();

	private final Security security = new Security();

	private final Contributors contributors = new Contributors();

	private final Probes probes = new Probes();

	private final Status status = new Status();

	private final File file = new File();

	private final Resources resources = new Resources();

	private final Observations observations = new Observations();

	/**
	 * Port of a second, plaintext gRPC server that serves only grpc.health.v1.Health, for
	 * probes that cannot speak the main server's TLS; unset for none, 0 for any free
	 * port.
	 */
	private @Nullable Integer port;

	/**
	 * Network address that the health port binds to; unset for every interface.
	 */
	private @Nullable InetAddress address;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Group getOverall() {
		return this.overall;
	}

	public Map<String, Group> getServices() {
		return this.services;
	}

	public Map<String, Check> getChecks() {
		return this.checks;
	}

	public Map<String, Upstream> getUpstreams() {
		return this.upstreams;
	}

	public Defaults getDefaults() {
		return this.defaults;
	}

	public Scheduler getScheduler() {
		return this.scheduler;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public ListCalls getList() {
		return this.list;
	}

	public Watch getWatch() {
		return this.watch;
	}

	public Security getSecurity() {
		return this.security;
	}

	public Contributors getContributors() {
		return this.contributors;
	}

	public Probes getProbes() {
		return this.probes;
	}

	public Status getStatus() {
		return this.status;
	}

	public File getFile() {
		return this.file;
	}

	public Resources getResources() {
		return this.resources;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public @Nullable Integer getPort() {
		return this.port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public @Nullable InetAddress getAddress() {
		return this.address;
	}

	public void setAddress(@Nullable InetAddress address) {
		this.address = address;
	}

	/**
	 * A set of checks chosen by name, like a Spring Boot health group.
	 */
	public static class Group {

		/**
		 * Names of the checks to include; "*" or empty for every check. A composite's
		 * name includes its members ("db" includes "db/primary").
		 */
		private Set<String> include = new LinkedHashSet<>();

		/**
		 * Names of the checks to leave out.
		 */
		private Set<String> exclude = new LinkedHashSet<>();

		public Set<String> getInclude() {
			return this.include;
		}

		public void setInclude(Set<String> include) {
			this.include = include;
		}

		public Set<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(Set<String> exclude) {
			this.exclude = exclude;
		}

	}

	/**
	 * How often one check runs and how long it may take.
	 */
	public static class Check {

		/**
		 * Time between the starts of two evaluations of the check.
		 */
		private @Nullable Duration interval;

		/**
		 * Time after which an evaluation that has not answered counts as DOWN.
		 */
		private @Nullable Duration timeout;

		public @Nullable Duration getInterval() {
			return this.interval;
		}

		public void setInterval(@Nullable Duration interval) {
			this.interval = interval;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * One upstream check: where the upstream is and which of its services it follows.
	 */
	public static class Upstream {

		/**
		 * gRPC target of the upstream, such as dns:///inventory:9090, reached in
		 * plaintext. Set either this or channel.
		 */
		private @Nullable String target;

		/**
		 * Name of a channel configured in the application's gRPC client (Spring Boot's
		 * spring.grpc.client.channel.<name> or devh's grpc.client.<name>), whose TLS,
		 * credentials and keepalive the check reuses. Set either this or target.
		 */
		private @Nullable String channel;

		/**
		 * Name of the upstream's service to follow, as its Health service knows it; empty
		 * for its overall status.
		 */
		private String service = "";

		/**
		 * Time a Watch call may go without its first answer before the check turns DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(15);

		/**
		 * Time without a read after which a target's connection is pinged (grpc-java
		 * raises anything under 10s to 10s). For channel, the client's own keepalive
		 * applies.
		 */
		private Duration keepaliveTime = Duration.ofSeconds(10);

		/**
		 * Time a ping of a target's connection may go unanswered before the connection,
		 * and the check with it, is given up. A silent connection turns the check DOWN
		 * keepalive-time plus this after its last read: keep the sum under timeout.
		 */
		private Duration keepaliveTimeout = Duration.ofSeconds(4);

		public @Nullable String getTarget() {
			return this.target;
		}

		public void setTarget(@Nullable String target) {
			this.target = target;
		}

		public @Nullable String getChannel() {
			return this.channel;
		}

		public void setChannel(@Nullable String channel) {
			this.channel = channel;
		}

		public String getService() {
			return this.service;
		}

		public void setService(String service) {
			this.service = service;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getKeepaliveTime() {
			return this.keepaliveTime;
		}

		public void setKeepaliveTime(Duration keepaliveTime) {
			this.keepaliveTime = keepaliveTime;
		}

		public Duration getKeepaliveTimeout() {
			return this.keepaliveTimeout;
		}

		public void setKeepaliveTimeout(Duration keepaliveTimeout) {
			this.keepaliveTimeout = keepaliveTimeout;
		}

	}

	/**
	 * How often checks that have no settings of their own run and how long they may take.
	 */
	public static class Defaults {

		/**
		 * Time between the starts of two evaluations of a check that has no interval of
		 * its own.
		 */
		private Duration interval = Duration.ofSeconds(5);

		/**
		 * Time after which an evaluation of a check that has no timeout of its own counts
		 * as DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Threads that evaluate checks.
	 */
	public static class Scheduler {

		/**
		 * Number of checks that may evaluate at the same time.
		 */
		private int poolSize = 4;

		public int getPoolSize() {
			return this.poolSize;
		}

		public void setPoolSize(int poolSize) {
			this.poolSize = poolSize;
		}

	}

	/**
	 * What happens when the application shuts down.
	 */
	public static class Shutdown {

		/**
		 * Time between every service turning NOT_SERVING and the Watch calls completing,
		 * before the gRPC server stops; gives load balancers time to move traffic away.
		 */
		private Duration drainDelay = Duration.ofSeconds(3);

		public Duration getDrainDelay() {
			return this.drainDelay;
		}

		public void setDrainDelay(Duration drainDelay) {
			this.drainDelay = drainDelay;
		}

	}

	/**
	 * Limits of the List call.
	 */
	public static class ListCalls {

		/**
		 * Most services List returns; above it, List answers RESOURCE_EXHAUSTED.
		 */
		private int maxServices = 100;

		public int getMaxServices() {
			return this.maxServices;
		}

		public void setMaxServices(int maxServices) {
			this.maxServices = maxServices;
		}

	}

	/**
	 * Limits that bound what open Watch calls hold on the server.
	 */
	public static class Watch {

		/**
		 * Most Watch calls open at once; beyond it, a new Watch is admitted only in place
		 * of the oldest call of the client connection holding the most, if that holds at
		 * least two more than the new call's, and otherwise fails with
		 * RESOURCE_EXHAUSTED.
		 */
		private int maxWatchers = 10000;

		/**
		 * Most distinct unknown service names watched at once; beyond it, a Watch on yet
		 * another unknown name fails with RESOURCE_EXHAUSTED.
		 */
		private int maxUnknownServices = 100;

		public int getMaxWatchers() {
			return this.maxWatchers;
		}

		public void setMaxWatchers(int maxWatchers) {
			this.maxWatchers = maxWatchers;
		}

		public int getMaxUnknownServices() {
			return this.maxUnknownServices;
		}

		public void setMaxUnknownServices(int maxUnknownServices) {
			this.maxUnknownServices = maxUnknownServices;
		}

	}

	/**
	 * Access to the Health service on a server that authenticates its calls.
	 */
	public static class Security {

		/**
		 * Whether probes and load balancers may call grpc.health.v1.Health without
		 * credentials, its calls skipping every global server interceptor of the gRPC
		 * server.
		 */
		private boolean allowUnauthenticated = true;

		public boolean isAllowUnauthenticated() {
			return this.allowUnauthenticated;
		}

		public void setAllowUnauthenticated(boolean allowUnauthenticated) {
			this.allowUnauthenticated = allowUnauthenticated;
		}

	}

	/**
	 * Health contributors registered and unregistered while the application runs.
	 */
	public static class Contributors {

		/**
		 * Time between two readings of the health contributor registries, which picks up
		 * contributors registered or unregistered since the last one.
		 */
		private Duration refreshInterval = Duration.ofSeconds(1);

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

	}

	/**
	 * The built-in services for Kubernetes probes, whose members come from Spring Boot's
	 * liveness and readiness health groups.
	 */
	public static class Probes {

		/**
		 * Whether the Health service answers for the built-in liveness and readiness
		 * services.
		 */
		private boolean enabled = true;

		/**
		 * Name of the built-in service that follows the liveness state and the members of
		 * the liveness health group, never readiness or the drain.
		 */
		private String livenessService = "liveness";

		/**
		 * Name of the built-in service that follows the readiness state and the members
		 * of the readiness health group, NOT_SERVING in warm-up and during the drain.
		 */
		private String readinessService = "readiness";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getLivenessService() {
			return this.livenessService;
		}

		public void setLivenessService(String livenessService) {
			this.livenessService = livenessService;
		}

		public String getReadinessService() {
			return this.readinessService;
		}

		public void setReadinessService(String readinessService) {
			this.readinessService = readinessService;
		}

	}

	/**
	 * How checks' health statuses turn into serving statuses.
	 */
	public static class Status {

		/**
		 * Serving status (serving or not-serving) of each health status code, such as
		 * out-of-service; codes not listed are SERVING only if they are UP.
		 */
		private final Map<String, ServingState> mapping = new LinkedHashMap<>();

		public Map<String, ServingState> getMapping() {
			return this.mapping;
		}

	}

	/**
	 * A file that tells exec probes the serving status of every service.
	 */
	public static class File {

		/**
		 * Path of a JSON file rewritten with the serving status of every service on each
		 * change and each heartbeat, for exec probes; unset for none.
		 */
		private @Nullable String path;

		/**
		 * Time between two rewrites of the health file while nothing changes, so that a
		 * probe can tell from its age that the process still runs.
		 */
		private Duration heartbeatInterval = Duration.ofSeconds(5);

		public @Nullable String getPath() {
			return this.path;
		}

		public void setPath(@Nullable String path) {
			this.path = path;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

	}

	/**
	 * Opt-in checks of the process's own resources, named heap and cpu, mapped like any
	 * other check.
	 */
	public static class Resources {

		private final Heap heap = new Heap();

		private final Cpu cpu = new Cpu();

		public Heap getHeap() {
			return this.heap;
		}

		public Cpu getCpu() {
			return this.cpu;
		}

		/**
		 * Whether a resource check exists, and the usage ratios at which it warns and
		 * fails.
		 */
		public interface Thresholds {

			boolean isEnabled();

			double getWarnThreshold();

			double getFailThreshold();

		}

		/**
		 * The heap check: the long-lived heap pool's usage after its last collection.
		 */
		public static class Heap implements Thresholds {

			/**
			 * Whether to add the heap check, which compares the long-lived heap pool's
			 * usage after its last collection with its maximum.
			 */
			private boolean enabled;

			/**
			 * Ratio of the long-lived heap pool's usage after its last collection to its
			 * maximum from which the heap check stays UP with a warning.
			 */
			private double warnThreshold = 0.9;

			/**
			 * Ratio of the long-lived heap pool's usage after its last collection to its
			 * maximum from which the heap check is DOWN.
			 */
			private double failThreshold = 0.98;

			@Override
			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			@Override
			public double getWarnThreshold() {
				return this.warnThreshold;
			}

			public void setWarnThreshold(double warnThreshold) {
				this.warnThreshold = warnThreshold;
			}

			@Override
			public double getFailThreshold() {
				return this.failThreshold;
			}

			public void setFailThreshold(double failThreshold) {
				this.failThreshold = failThreshold;
			}

		}

		/**
		 * The cpu check: the process's CPU time over a window, as a share of the
		 * processors the JVM may use.
		 */
		public static class Cpu implements Thresholds {

			/**
			 * Whether to add the cpu check, which compares the process's CPU load over a
			 * window with the processors the JVM may use.
			 */
			private boolean enabled;

			/**
			 * Share of the processors the JVM may use, averaged over the window, from
			 * which the cpu check stays UP with a warning.
			 */
			private double warnThreshold = 0.8;

			/**
			 * Share of the processors the JVM may use, averaged over the window, from
			 * which the cpu check is DOWN.
			 */
			private double failThreshold = 0.95;

			/**
			 * Time over which the process's CPU load is averaged.
			 */
			private Duration window = Duration.ofMinutes(1);

			@Override
			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			@Override
			public double getWarnThreshold() {
				return this.warnThreshold;
			}

			public void setWarnThreshold(double warnThreshold) {
				this.warnThreshold = warnThreshold;
			}

			@Override
			public double getFailThreshold() {
				return this.failThreshold;
			}

			public void setFailThreshold(double failThreshold) {
				this.failThreshold = failThreshold;
			}

			public Duration getWindow() {
				return this.window;
			}

			public void setWindow(Duration window) {
				this.window = window;
			}

		}

	}

	/**
	 * Micrometer observations (traces, and the timers derived from them) where the
	 * application has an observation registry.
	 */
	public static class Observations {

		/**
		 * Whether each evaluation of a polled check is observed, as grpc.health.check.
		 */
		private boolean checks = true;

		/**
		 * Whether the gRPC server's observations include calls to grpc.health.v1.Health,
		 * which probes and load balancers make every few seconds.
		 */
		private boolean healthCalls;

		public boolean isChecks() {
			return this.checks;
		}

		public void setChecks(boolean checks) {
			this.checks = checks;
		}

		public boolean isHealthCalls() {
			return this.healthCalls;
		}

		public void setHealthCalls(boolean healthCalls) {
			this.healthCalls = healthCalls;
		}

	}

}
