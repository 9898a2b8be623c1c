package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

import static io.github.healthgrpc.sample.HealthCheckCall.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a Kubernetes probe hears in each phase of the sample's life: the grpc-go probe
 * ({@link GrpcGoProbe}, a new connection and a 1 s deadline per probe, as the kubelet's
 * {@code grpc:} probe) asks {@code liveness}, {@code readiness}, {@code ""} and
 * {@code demo.Inventory} during warm-up (an application runner, after liveness and before
 * readiness), in steady state, with the pricing dependency down, and during the shutdown
 * drain. Liveness must answer SERVING throughout, or the kubelet would restart a pod that
 * is only starting, waiting for a dependency or draining.
 */
class GrpcGoProbeInteropTests {

	private static final List<String> PROBED = List.of("liveness", "readiness", "", "demo.Inventory");

	// Long enough for every probe of the drain phase to land inside it on two busy cores.
	private static final Duration DRAIN_DELAY = Duration.ofSeconds(4);

	@AutoClose
	private final SampleRun sample = new SampleRun();

	private final Map<String, Map<String, String>> answers = new LinkedHashMap<>();

	@Test
	void livenessIsServingInEveryPhaseWhileReadinessFollowsWarmUpAndTheDrain() throws Exception {
		this.sample.pricing().open();
		this.sample.start(DRAIN_DELAY, probeDuringWarmUp());
		awaitStatus("demo.Inventory", ServingStatus.SERVING);
		this.answers.put("steady state", probeAll());
		this.sample.pricing().close();
		awaitStatus("demo.Inventory", ServingStatus.NOT_SERVING);
		this.answers.put("pricing down", probeAll());
		CompletableFuture<Void> closed = CompletableFuture.runAsync(this.sample.context()::close);
		awaitStatus("", ServingStatus.NOT_SERVING);
		this.answers.put("drain", probeAll());
		closed.get(DRAIN_DELAY.toSeconds() + 30, TimeUnit.SECONDS);
		this.answers.forEach((phase, byService) -> System.out.printf("grpc-go probe, %-12s %s%n", phase,
				byService.entrySet()
					.stream()
					.map((answer) -> "\"" + answer.getKey() + "\" " + answer.getValue())
					.toList()));

		assertThat(this.answers).containsExactly(
				Map.entry("warm-up", answers("SERVING", "NOT_SERVING", "NOT_SERVING", "NOT_SERVING")),
				Map.entry("steady state", answers("SERVING", "SERVING", "SERVING", "SERVING")),
				Map.entry("pricing down", answers("SERVING", "SERVING", "SERVING", "NOT_SERVING")),
				Map.entry("drain", answers("SERVING", "NOT_SERVING", "NOT_SERVING", "NOT_SERVING")));
	}

	@Test
	void anUnknownServiceFailsTheProbeWithNotFound() throws Exception {
		this.sample.start(Duration.ZERO);
		assertThat(GrpcGoProbe.onPort(this.sample.grpcPort()).probe("demo.NoSuchService")).isEqualTo("error: NotFound");
	}

	// Runners run after Spring Boot publishes LivenessState.CORRECT and before
	// ReadinessState.ACCEPTING_TRAFFIC: the application's warm-up.
	private ApplicationListener<ApplicationPreparedEvent> probeDuringWarmUp() {
		return (event) -> event.getApplicationContext()
			.getBeanFactory()
			.registerSingleton("warmUpProbe", (ApplicationRunner) (args) -> this.answers.put("warm-up", probeAll()));
	}

	private Map<String, String> probeAll() throws Exception {
		GrpcGoProbe probe = GrpcGoProbe.onPort(this.sample.grpcPort());
		Map<String, String> byService = new LinkedHashMap<>();
		for (String service : PROBED) {
			byService.put(service, probe.probe(service));
		}
		return byService;
	}

	private static Map<String, String> answers(String... statuses) {
		Map<String, String> byService = new LinkedHashMap<>();
		for (int i = 0; i < statuses.length; i++) {
			byService.put(PROBED.get(i), statuses[i]);
		}
		return byService;
	}

	private void awaitStatus(String service, ServingStatus expected) {
		await().atMost(AbstractSampleServerTests.PATIENCE)
			.until(() -> check(this.sample.channel(), service), (status) -> status == expected);
	}

}
