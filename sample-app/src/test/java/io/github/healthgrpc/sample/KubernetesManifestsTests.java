package io.github.healthgrpc.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.healthgrpc.autoconfigure.HealthGrpcProperties;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import net.devh.boot.grpc.server.config.GrpcServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the Kubernetes manifests in {@code k8s/} fit the sample they deploy, read
 * from the sample's own configuration (its files and the container's environment, with
 * the defaults of the real properties classes) and from the running sample, never from
 * copies: the ports, the services the probes name, and the timings of probes and
 * shutdown.
 */
class KubernetesManifestsTests {

	private static final KubernetesManifests manifests = KubernetesManifests.read(Path.of("k8s"));

	private static final Map<String, Object> container = manifests.container();

	private static final Binder configuration = DeployedConfiguration.load(environment(container));

	private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

	private static ConfigurableApplicationContext sample;

	private static GrpcServerPort<?> grpcServerPort;

	private static long startupMillis;

	@BeforeAll
	static void startSample() {
		long start = System.nanoTime();
		grpcServerPort = SampleServer.get().newPortListener();
		// Without a drain on close: this sample only answers, it is not under test.
		sample = SampleContexts.start(grpcServerPort, "--grpc.health.shutdown.drain-delay=0s");
		// Spring Boot has published LivenessState.CORRECT once run() returns.
		startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		// The first call of this JVM loads grpc-java's client classes; kubelet's client
		// is warm.
		check("");
	}

	@AfterAll
	static void closeSample() {
		if (sample != null) {
			sample.close();
		}
	}

	@Test
	void theContainerAndTheServiceExposeTheConfiguredGrpcAndHttpPorts() {
		int grpcPort = configuration.bindOrCreate("grpc.server", GrpcServerProperties.class).getPort();
		int httpPort = configuration.bindOrCreate("server", ServerProperties.class).getPort();
		Map<String, Object> containerPorts = KubernetesManifests.list(container, "ports")
			.stream()
			.collect(Collectors.toMap((port) -> (String) port.get("name"), (port) -> port.get("containerPort")));
		assertThat(containerPorts).containsExactlyInAnyOrderEntriesOf(Map.of("grpc", grpcPort, "http", httpPort));
		Map<String, Object> servicePorts = KubernetesManifests
			.list(KubernetesManifests.at(manifests.only("Service"), "spec"), "ports")
			.stream()
			.collect(Collectors.toMap((port) -> (String) port.get("targetPort"), (port) -> port.get("port")));
		assertThat(servicePorts).as("Service ports by target port").isEqualTo(containerPorts);
	}

	@Test
	void everyProbeAsksTheConfiguredGrpcPort() {
		int grpcPort = configuration.bindOrCreate("grpc.server", GrpcServerProperties.class).getPort();
		PROBES.forEach((probe) -> assertThat(grpc(probe).get("port")).as(probe).isEqualTo(grpcPort));
	}

	@Test
	void everyServiceTheManifestsProbeIsOneTheRunningSampleKnows() {
		Map<String, Object> answers = new TreeMap<>();
		probedServices().forEach((service) -> answers.put(service, check(service).answer()));
		System.out.println("Probed services (the commented alternatives too) on the running sample: " + answers);
		// NOT_FOUND fails the probe on every pod for good: kubelet counts it as a
		// failure.
		assertThat(answers).as("Check answers by probed service")
			.allSatisfy((service, answer) -> assertThat(answer).isInstanceOf(ServingStatus.class));
		assertThat(answers).containsKeys(livenessService(), readinessService());
	}

	@Test
	void startupAndLivenessProbeTheLivenessServiceNeverTheOverallStatus() {
		// "" and every dependency's service are NOT_SERVING during an outage or a slow
		// start: liveness on them restarts every pod at once.
		assertThat(grpc("startupProbe").get("service")).isEqualTo(livenessService());
		assertThat(grpc("livenessProbe").get("service")).isEqualTo(livenessService());
	}

	@Test
	void theTerminationGracePeriodOutlastsTheDrainAndTheServersGracePeriods() {
		Duration drain = health().getShutdown().getDrainDelay();
		Duration grpcGrace = configuration.bindOrCreate("grpc.server", GrpcServerProperties.class)
			.getShutdownGracePeriod();
		// The web server stops after the gRPC server (a lower lifecycle phase);
		// gracefully, it waits for its requests up to the phase timeout.
		Duration webGrace = (configuration.bindOrCreate("server", ServerProperties.class)
			.getShutdown() == Shutdown.GRACEFUL)
					? configuration.bindOrCreate("spring.lifecycle", LifecycleProperties.class)
						.getTimeoutPerShutdownPhase()
					: Duration.ZERO;
		Duration longest = drain.plus(grpcGrace).plus(webGrace);
		int terminationGracePeriod = (int) manifests.podSpec().get("terminationGracePeriodSeconds");
		System.out.printf(
				"Shutdown after SIGTERM: drain %s + gRPC server grace period %s + web server %s = %s at most; "
						+ "terminationGracePeriodSeconds %d%n",
				drain, grpcGrace, webGrace, longest, terminationGracePeriod);
		assertThat(Duration.ofSeconds(terminationGracePeriod)).isGreaterThan(longest);
		assertThat(container).as("a preStop hook: the drain keeps serving calls instead")
			.doesNotContainKey("lifecycle");
	}

	@Test
	void everyProbeWaitsAtLeastOneSecondAndLongerThanAChecksOnANewConnectionTake() {
		long slowest = 0;
		for (String service : probedServices()) {
			for (int i = 0; i < 10; i++) {
				slowest = Math.max(slowest, check(service).millis());
			}
		}
		System.out.printf("A Check on a new connection, as kubelet makes it: slowest %d ms of 10 per probed service%n",
				slowest);
		for (String probe : PROBES) {
			int timeoutSeconds = setting(probe, "timeoutSeconds", 1);
			assertThat(timeoutSeconds).as(probe + " timeoutSeconds").isGreaterThanOrEqualTo(1);
			assertThat(TimeUnit.SECONDS.toMillis(timeoutSeconds)).as(probe + " timeout in ms").isGreaterThan(slowest);
		}
	}

	@Test
	void readinessIsProbedNoLessOftenThanTheChecksBehindItRun() {
		HealthGrpcProperties health = health();
		int period = setting("readinessProbe", "periodSeconds", 10);
		int failureThreshold = setting("readinessProbe", "failureThreshold", 3);
		Set<String> readinessServices = new TreeSet<>(manifests.commentedServices());
		readinessServices.add((String) grpc("readinessProbe").getOrDefault("service", ""));
		for (String service : readinessServices) {
			Map<String, Duration> intervals = PolledChecks.intervals(sample, service, health);
			System.out.printf(
					"readiness on %s: polled checks behind it %s; probed every %d s, %d failures: the pod "
							+ "leaves the Service within the check's interval and timeout plus %d s%n",
					service, intervals, period, failureThreshold, period * failureThreshold);
			// A status changes at most once per interval; a probe slower than the slowest
			// check would be the slow part. Pushed changes (readiness, the drain) have no
			// interval.
			intervals.values()
				.stream()
				.max(Duration::compareTo)
				.ifPresent(
						(longest) -> assertThat(Duration.ofSeconds(period)).as("readiness periodSeconds for " + service)
							.isLessThanOrEqualTo(longest));
		}
	}

	@Test
	void theStartupProbeAllowsSeveralTimesTheSamplesStartup() {
		int budget = setting("startupProbe", "periodSeconds", 10) * setting("startupProbe", "failureThreshold", 3);
		System.out.printf("Startup: the sample's context was running %d ms after it began (liveness %s); the "
				+ "startupProbe allows %d s%n", startupMillis, check(livenessService()).answer(), budget);
		assertThat(check(livenessService()).answer()).isEqualTo(ServingStatus.SERVING);
		assertThat(TimeUnit.SECONDS.toMillis(budget)).isGreaterThanOrEqualTo(3 * startupMillis);
	}

	private static String livenessService() {
		return health().getProbes().getLivenessService();
	}

	private static String readinessService() {
		return health().getProbes().getReadinessService();
	}

	private static HealthGrpcProperties health() {
		return configuration.bindOrCreate("grpc.health", HealthGrpcProperties.class);
	}

	private static Set<String> probedServices() {
		Set<String> services = PROBES.stream()
			.map((probe) -> (String) grpc(probe).getOrDefault("service", ""))
			.collect(Collectors.toCollection(TreeSet::new));
		services.addAll(manifests.commentedServices());
		return services;
	}

	private static Map<String, Object> grpc(String probe) {
		return KubernetesManifests.at(container, probe, "grpc");
	}

	private static int setting(String probe, String name, int kubernetesDefault) {
		return (int) KubernetesManifests.at(container, probe).getOrDefault(name, kubernetesDefault);
	}

	private static Map<String, Object> environment(Map<String, Object> container) {
		return KubernetesManifests.list(container, "env")
			.stream()
			.collect(
					Collectors.toMap((variable) -> (String) variable.get("name"), (variable) -> variable.get("value")));
	}

	/**
	 * One Check on a new plain-text connection with a 1 s deadline, as kubelet makes it.
	 */
	private static TimedCheck check(String service) {
		ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServerPort.get())
			.usePlaintext()
			.build();
		long start = System.nanoTime();
		try {
			ServingStatus status = HealthGrpc.newBlockingStub(channel)
				.withDeadlineAfter(1, TimeUnit.SECONDS)
				.check(HealthCheckRequest.newBuilder().setService(service).build())
				.getStatus();
			return new TimedCheck(status, millisSince(start));
		}
		catch (StatusRuntimeException ex) {
			return new TimedCheck(ex.getStatus().getCode(), millisSince(start));
		}
		finally {
			channel.shutdownNow();
		}
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	/**
	 * @param answer the serving status, or the gRPC status code the call failed with
	 * @param millis how long the call took, connecting included
	 */
	private record TimedCheck(Object answer, long millis) {
	}

}
