package io.github.healthgrpc.resources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves the cpu check on the process's real CPU time, through a real gRPC Check: threads
 * that spin take the service out once the window's average crosses the fail threshold,
 * the service is back within about a window of their stop, and a load between the
 * thresholds only warns. The thresholds are low: on a machine that other builds keep busy
 * the process gets a small share of the processors however many threads spin (Linux
 * shares them between sessions first), while the application at rest uses under 1 %.
 */
class CpuCheckEndToEndTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	// Window 1 s, interval 250 ms: back within 1.25 s of the stop, plus slack for a busy
	// machine.
	private static final Duration RECOVERY = Duration.ofSeconds(5);

	// At most the window plus one interval, and slack for an evaluation that starts late.
	private static final Duration MAX_SPAN = Duration.ofMillis(2500);

	private final AtomicBoolean spinning = new AtomicBoolean();

	private final List<Thread> spinners = new ArrayList<>();

	@AfterEach
	void stopSpinning() throws InterruptedException {
		this.spinning.set(false);
		for (Thread spinner : this.spinners) {
			spinner.join();
		}
	}

	@Test
	void spinningThreadsTakeTheServiceOutAndItIsBackWithinAWindowOfTheirStop() throws Exception {
		try (RunningService cpu = start("0.04", "0.08")) {
			awaitQuiet(cpu);
			long spinStart = System.nanoTime();
			spin(2 * Runtime.getRuntime().availableProcessors());
			await().atMost(PATIENCE).until(() -> cpu.status() == ServingStatus.NOT_SERVING);
			long outMillis = (System.nanoTime() - spinStart) / 1_000_000;
			// DOWN over a whole window of spinning: what the load covers is the window,
			// not the check's life.
			await().atMost(PATIENCE)
				.until(() -> cpu.result().getStatus() == Status.DOWN && cpu.result().getDetails().containsKey("load")
						&& span(cpu.result()).toMillis() >= 1000);
			assertThat(span(cpu.result())).isLessThan(MAX_SPAN);
			print("spinning", cpu.result());
			stopSpinning();
			long stop = System.nanoTime();
			await().atMost(RECOVERY).until(() -> cpu.status() == ServingStatus.SERVING);
			long backMillis = (System.nanoTime() - stop) / 1_000_000;
			print("stopped", cpu.result());
			assertThat(span(cpu.result())).isLessThan(MAX_SPAN);
			System.out.printf(
					"cpu (window 1s, interval 250ms, fail 0.08): NOT_SERVING %d ms after %d threads began "
							+ "to spin, SERVING %d ms after they stopped%n",
					outMillis, this.spinners.size(), backMillis);
		}
	}

	@Test
	void aLoadBetweenTheThresholdsWarnsAndTheServiceKeepsServing() throws Exception {
		// One spinning thread is at most half of two processors, below the fail
		// threshold.
		assumeThat(Runtime.getRuntime().availableProcessors()).isGreaterThanOrEqualTo(2);
		try (RunningService cpu = start("0.02", "0.9")) {
			awaitQuiet(cpu);
			spin(1);
			await().atMost(PATIENCE).until(() -> cpu.result().getDetails().containsKey("warning"));
			assertThat(cpu.result().getStatus()).isEqualTo(Status.UP);
			assertThat(cpu.status()).isEqualTo(ServingStatus.SERVING);
			assertThat((double) cpu.result().getDetails().get("load")).isBetween(0.02, 0.9);
			print("one thread spinning", cpu.result());
		}
	}

	private static RunningService start(String warn, String fail) {
		return new RunningService(TestGrpcServer.DEVH, "demo.Cpu", "cpu", "grpc.health.resources.cpu.enabled=true",
				"grpc.health.resources.cpu.window=1s", "grpc.health.checks.cpu.interval=250ms",
				"grpc.health.resources.cpu.warn-threshold=" + warn, "grpc.health.resources.cpu.fail-threshold=" + fail);
	}

	// Serving, and below the warn threshold: the work of startup has left the window.
	private static void awaitQuiet(RunningService cpu) {
		await().atMost(PATIENCE).until(() -> cpu.status() == ServingStatus.SERVING);
		await().atMost(PATIENCE)
			.until(() -> cpu.result().getStatus() == Status.UP && !cpu.result().getDetails().containsKey("warning"));
		print("quiet", cpu.result());
	}

	private void spin(int threads) {
		this.spinning.set(true);
		for (int i = 0; i < threads; i++) {
			Thread spinner = new Thread(() -> {
				while (this.spinning.get()) {
					Thread.onSpinWait();
				}
			}, "cpu-spinner-" + i);
			spinner.setDaemon(true);
			spinner.start();
			this.spinners.add(spinner);
		}
	}

	private static Duration span(Health health) {
		return Duration.parse((String) health.getDetails().get("window"));
	}

	private static void print(String moment, Health health) {
		System.out.printf(Locale.ROOT, "cpu %s: %s, load %s over %s on %s processors%s%n", moment, health.getStatus(),
				health.getDetails().get("load"), health.getDetails().get("window"),
				health.getDetails().get("processors"),
				health.getDetails().containsKey("warning") ? ", " + health.getDetails().get("warning") : "");
	}

}
