package io.github.healthgrpc.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as its own JVM, probed the way kubelet probes it ({@link KubeletProbe}: a
 * new connection, a 1 s deadline) through warm-up, steady state, a pricing outage and the
 * drain after a real SIGTERM. liveness never answers NOT_SERVING once the application is
 * live, the drain included; readiness is NOT_SERVING from the first moment of the drain,
 * and so is {@code /actuator/health/readiness} (503). Prints what each probe answered in
 * each phase.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroy() is not SIGTERM on Windows")
class ProbesThroughTheLifecycleTests {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private static final Duration PATIENCE = AbstractSampleServerTests.PATIENCE;

	private static final Duration DRAIN_DELAY = Duration.ofSeconds(3);

	private static final List<String> SERVICES = List.of("liveness", "readiness", "", "demo.Inventory");

	private final Path log = Path.of("target", "probes-sample.log");

	private final PricingServer pricing = PricingServer.onFreePort();

	private final Map<String, Map<String, Set<String>>> answers = new LinkedHashMap<>();

	private Process process;

	@AfterEach
	void stopEverything() throws InterruptedException {
		this.pricing.close();
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void livenessServesThroughOutageAndDrainWhileReadinessFollowsTheDrain() throws Exception {
		int grpcPort = PricingServer.freePort();
		int httpPort = PricingServer.freePort();
		KubeletProbe kubelet = new KubeletProbe(grpcPort);
		this.process = SampleJvm.start(grpcPort, httpPort, this.log,
				"--sample.pricing.address=" + this.pricing.address(),
				"--grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms");
		await().atMost(STARTUP).pollInterval(Duration.ofMillis(100)).until(() -> {
			assertThat(this.process.isAlive()).as("sample JVM running, see %s", this.log.toAbsolutePath()).isTrue();
			return "SERVING".equals(probeAll("warm-up", kubelet).get("readiness"));
		});

		this.pricing.open();
		await().atMost(PATIENCE).until(() -> kubelet.probe("demo.Inventory").equals("SERVING"));
		probeAll("steady", kubelet);
		probeAll("steady", kubelet);

		this.pricing.close();
		await().atMost(PATIENCE).until(() -> kubelet.probe("demo.Inventory").equals("NOT_SERVING"));
		probeAll("outage", kubelet);
		probeAll("outage", kubelet);

		long sigterm = System.nanoTime();
		this.process.destroy();
		await().atMost(PATIENCE).until(() -> kubelet.probe("").equals("NOT_SERVING"));
		probeAll("drain", kubelet);
		int readinessHttp = ActuatorHealth.statusCode(httpPort, "/actuator/health/readiness");
		int livenessHttp = ActuatorHealth.statusCode(httpPort, "/actuator/health/liveness");
		probeAll("drain", kubelet);
		Duration probedDrainFor = Duration.ofNanos(System.nanoTime() - sigterm);
		assertThat(this.process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("exited, see %s", this.log)
			.isTrue();

		System.out.printf("%s: kubelet-style probes (new connection, 1 s deadline), answers in order per phase:%n",
				SampleServer.get().applicationClass().getSimpleName());
		this.answers.forEach((phase, byService) -> System.out.printf("  %-8s %s%n", phase, byService));
		System.out.printf(
				"  drain: /actuator/health/readiness %d, /actuator/health/liveness %d, probed within %d ms "
						+ "of SIGTERM (drain delay %d ms)%n",
				readinessHttp, livenessHttp, probedDrainFor.toMillis(), DRAIN_DELAY.toMillis());

		assertThat(probedDrainFor).as("every drain probe answered during the drain delay").isLessThan(DRAIN_DELAY);
		// Warm-up is polled until readiness serves, so it asserts nothing by itself here;
		// GrpcGoProbeInteropTests asserts what each probe answers while the application
		// warms up.
		assertThat(phase("steady")).containsEntry("liveness", Set.of("SERVING"))
			.containsEntry("readiness", Set.of("SERVING"))
			.containsEntry("demo.Inventory", Set.of("SERVING"));
		assertThat(phase("outage")).containsEntry("liveness", Set.of("SERVING"))
			.containsEntry("readiness", Set.of("SERVING"))
			.containsEntry("demo.Inventory", Set.of("NOT_SERVING"));
		assertThat(phase("drain")).containsEntry("liveness", Set.of("SERVING"))
			.containsEntry("readiness", Set.of("NOT_SERVING"))
			.containsEntry("", Set.of("NOT_SERVING"));
		assertThat(readinessHttp).isEqualTo(503);
		assertThat(livenessHttp).isEqualTo(200);
	}

	private Map<String, Set<String>> phase(String phase) {
		return this.answers.get(phase);
	}

	// Probe every service once, recording each distinct answer in the order first seen.
	private Map<String, String> probeAll(String phase, KubeletProbe kubelet) {
		Map<String, String> now = new LinkedHashMap<>();
		for (String service : SERVICES) {
			String answer = kubelet.probe(service);
			now.put(service, answer);
			this.answers.computeIfAbsent(phase, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(service, (key) -> new LinkedHashSet<>())
				.add(answer);
		}
		return now;
	}

}
