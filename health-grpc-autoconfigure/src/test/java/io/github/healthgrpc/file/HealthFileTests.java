package io.github.healthgrpc.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.file.HealthFileAutoConfiguration;
import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health file on disk, read the way an exec probe reads it while real threads change
 * the statuses: never a partial document, every change shown, a heartbeat that keeps the
 * file fresh while nothing changes, and the drain and the stop written.
 */
class HealthFileTests {

	private static final int SERVICES = 100;

	private static final int FLIPS = 400;

	private static final int HEARTBEAT_GAPS = 10;

	private static final int FLIPS_COUNTED = 20;

	@TempDir
	private Path directory;

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HealthGrpcAutoConfiguration.class, HealthFileAutoConfiguration.class))
			.withBean("flip", ManualHealthCheck.class, () -> new ManualHealthCheck("flip"))
			.withPropertyValues("grpc.health.file.path=" + file(), "grpc.health.shutdown.drain-delay=0s");
	}

	@Test
	void aReaderParsingTheFileInATightLoopWhileStatusesFlipNeverSeesAPartialDocumentAndSeesEveryChange() {
		// A hundred services make a document of a few kilobytes, written in place slowly
		// enough that a reader in a tight loop would catch it cut short.
		String[] services = IntStream.range(0, SERVICES)
			.mapToObj((i) -> "grpc.health.services[demo.Service%03d].include=flip".formatted(i))
			.toArray(String[]::new);
		// No heartbeat within the test: every change read from the file was written for
		// it.
		ApplicationContextRunner runner = this.contextRunner()
			.withPropertyValues(services)
			.withPropertyValues("grpc.health.file.heartbeat-interval=1h");
		runner.run((context) -> {
			ManualHealthCheck flip = context.getBean("flip", ManualHealthCheck.class);
			ready(context);
			List<Long> lags = new ArrayList<>();
			try (HealthFileReader reader = HealthFileReader.start(file())) {
				for (int i = 0; i < FLIPS; i++) {
					String expected = (i % 2 == 0) ? "SERVING" : "NOT_SERVING";
					long set = System.nanoTime();
					if (i % 2 == 0) {
						flip.up();
					}
					else {
						flip.down("flip " + i);
					}
					await().atMost(Duration.ofSeconds(10))
						.pollInterval(Duration.ofMillis(1))
						.until(() -> expected.equals(reader.lastStatus()) || !reader.invalid().isEmpty());
					lags.add(System.nanoTime() - set);
				}
				reader.stop();
				long slowest = lags.stream().max(Long::compare).orElseThrow();
				System.out.printf(
						"health file: %d reads of %d services during %d changes, %d invalid; change read "
								+ "from the file after median %.2f ms, slowest %.2f ms%n",
						reader.reads(), SERVICES + 3, FLIPS, reader.invalid().size(), millis(median(lags)),
						millis(slowest));
				assertThat(reader.invalid()).as("documents that were not whole").isEmpty();
				assertThat(reader.reads()).isGreaterThan(FLIPS);
				assertThat(reader.lastContent().services()).hasSize(SERVICES + 3);
				// The median, not the slowest: a machine shared with other builds may
				// stall every thread of the JVM for seconds.
				assertThat(median(lags)).isLessThan(TimeUnit.MILLISECONDS.toNanos(250));
			}
		});
	}

	@Test
	void aCheckSharedByAHundredServicesThatChangesMakesOneWrite() {
		String[] services = IntStream.range(0, SERVICES)
			.mapToObj((i) -> "grpc.health.services[demo.Service%03d].include=flip".formatted(i))
			.toArray(String[]::new);
		// No heartbeat within the test: every write counted is one of the changes.
		this.contextRunner()
			.withPropertyValues(services)
			.withPropertyValues("grpc.health.file.heartbeat-interval=1h")
			.run((context) -> {
				ManualHealthCheck flip = context.getBean("flip", ManualHealthCheck.class);
				HealthFile file = context.getBean(HealthFile.class);
				flip.up();
				ready(context);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> allServices(HealthFileContent.read(file()), "SERVING"));
				List<Long> writes = new ArrayList<>();
				for (int i = 0; i < FLIPS_COUNTED; i++) {
					String expected = (i % 2 == 0) ? "NOT_SERVING" : "SERVING";
					long before = file.writes();
					if (i % 2 == 0) {
						flip.down("flip " + i);
					}
					else {
						flip.up();
					}
					await().atMost(Duration.ofSeconds(10))
						.pollInterval(Duration.ofMillis(1))
						.until(() -> allServices(HealthFileContent.read(file()), expected));
					// Whatever the listener still had in hand is written by now.
					assertThat(context.getBean(StatusStore.class).awaitListeners(Duration.ofSeconds(10))).isEmpty();
					writes.add(file.writes() - before);
				}
				System.out.println("health file: one check shared by " + SERVICES + " services changed " + FLIPS_COUNTED
						+ " times, writes for each change " + writes);
				assertThat(writes).allSatisfy((count) -> assertThat(count).isOne());
			});
	}

	@Test
	void theHeartbeatRewritesTheFileWhileNothingChangesSoItsTimeAndAgeAdvance() {
		this.contextRunner().withPropertyValues("grpc.health.file.heartbeat-interval=100ms").run((context) -> {
			List<Instant> times = new ArrayList<>();
			List<FileTime> modified = new ArrayList<>();
			HealthFileContent first = HealthFileContent.read(file());
			// Long enough for a heartbeat far slower than the interval to fail the
			// assertions below, which say by how much, rather than this wait.
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> {
				HealthFileContent content = HealthFileContent.read(file());
				assertThat(content.services()).isEqualTo(first.services());
				if (times.isEmpty() || !content.time().equals(times.get(times.size() - 1))) {
					times.add(content.time());
					modified.add(Files.getLastModifiedTime(file()));
				}
				return times.size() > HEARTBEAT_GAPS;
			});
			List<Long> gaps = IntStream.range(1, times.size())
				.mapToObj((i) -> Duration.between(times.get(i - 1), times.get(i)).toMillis())
				.toList();
			System.out.println("health file: heartbeat every 100 ms, rewritten after " + gaps + " ms");
			assertThat(times).isSorted().doesNotHaveDuplicates();
			assertThat(modified).isSorted().doesNotHaveDuplicates();
			assertThat(gaps).allSatisfy((gap) -> assertThat(gap).isGreaterThanOrEqualTo(50));
			// What the README promises: rewritten every interval. The median, under twice
			// the interval, lets a busy machine stall a beat or two and still catches a
			// heartbeat twice as slow.
			assertThat(median(gaps)).isLessThan(200);
		});
	}

	@Test
	void theDrainWritesNotServingWhileLivenessStaysFreshAndTheStoppedApplicationLeavesEveryServiceNotServing() {
		this.contextRunner()
			.withPropertyValues("grpc.health.shutdown.drain-delay=1s", "grpc.health.file.heartbeat-interval=100ms")
			.run((context) -> {
				context.getBean("flip", ManualHealthCheck.class).up();
				ready(context);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> HealthFileContent.read(file()).status().equals("SERVING"));
				CompletableFuture<Void> close = CompletableFuture.runAsync(context::close);
				HealthFileContent draining = await().atMost(Duration.ofSeconds(5))
					.pollInterval(Duration.ofMillis(5))
					.until(() -> HealthFileContent.read(file()), (content) -> content.status().equals("NOT_SERVING"));
				assertThat(draining.services()).containsEntry("liveness", "SERVING")
					.containsEntry("readiness", "NOT_SERVING");
				// The heartbeat goes on through the drain: a liveness probe that checks
				// the age passes.
				await().atMost(Duration.ofSeconds(5))
					.pollInterval(Duration.ofMillis(5))
					.until(() -> HealthFileContent.read(file()),
							(content) -> !close.isDone() && content.time().isAfter(draining.time())
									&& content.services().equals(draining.services()));
				close.get(10, TimeUnit.SECONDS);
				HealthFileContent stopped = HealthFileContent.read(file());
				assertThat(stopped.status()).isEqualTo("NOT_SERVING");
				assertThat(stopped.services()).containsOnlyKeys(draining.services().keySet())
					.allSatisfy((service, status) -> assertThat(status).isEqualTo("NOT_SERVING"));
			});
	}

	@Test
	void aStoppedContextWritesNotServingAndARestartedOneWritesTheStatusesAgain() {
		this.contextRunner().run((context) -> {
			context.getBean("flip", ManualHealthCheck.class).up();
			ready(context);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> HealthFileContent.read(file()).status().equals("SERVING"));
			context.getSourceApplicationContext(ConfigurableApplicationContext.class).stop();
			assertThat(HealthFileContent.read(file()).services())
				.allSatisfy((service, status) -> assertThat(status).isEqualTo("NOT_SERVING"));
			context.getSourceApplicationContext(ConfigurableApplicationContext.class).start();
			assertThat(HealthFileContent.read(file()).status()).isEqualTo("SERVING");
			assertThat(HealthFileContent.read(file()).services()).containsEntry("liveness", "SERVING");
		});
	}

	private Path file() {
		return this.directory.resolve("health.json");
	}

	private static void ready(AssertableApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	// Every service that follows the check reads the status, the overall included.
	private static boolean allServices(HealthFileContent content, String status) {
		List<Object> following = content.services()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().isEmpty() || entry.getKey().startsWith("demo.Service"))
			.map(Map.Entry::getValue)
			.toList();
		return following.size() == SERVICES + 1 && following.stream().allMatch(status::equals);
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

}
