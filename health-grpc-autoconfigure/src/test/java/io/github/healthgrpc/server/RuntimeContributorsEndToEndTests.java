package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.source.MadeAsIteratedComposite;
import io.github.healthgrpc.store.StatusStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves on each server that a health contributor registered after startup, as a data
 * source created at runtime registers one, becomes a member of a service mapped with
 * {@code *} within the README's bound (one refresh interval, 1 s by default, plus slack
 * for a busy machine), is listed on the Actuator mirror, and goes when it is
 * unregistered; and that unregistering a check that a service includes by name leaves
 * that service NOT_SERVING, with a warning; and that a composite whose members are made
 * anew at every iteration keeps the services that include it SERVING across many
 * readings.
 */
@ExtendWith(OutputCaptureExtension.class)
class RuntimeContributorsEndToEndTests {

	private static final Duration PICKED_UP_WITHIN = Duration.ofMillis(1500);

	private static final int OBSERVED_REFRESHES = 20;

	@AutoClose
	private final ServerFixture fixture = new ServerFixture();

	@ParameterizedTest
	@EnumSource
	void aCompositeWhoseMembersAreMadeAsItIsIteratedDoesNotFlapTheServicesThatIncludeIt(TestGrpcServer server,
			CapturedOutput output) throws Exception {
		this.fixture.start(server,
				server.application(CompositeApplication.class)
					.properties("grpc.health.services[demo.All].include=*",
							"grpc.health.contributors.refresh-interval=100ms", "grpc.health.defaults.interval=500ms"));
		HealthGrpc.HealthStub health = HealthGrpc.newStub(this.fixture.channel());
		WatchRecorder overall = WatchRecorder.watch(health, "");
		WatchRecorder all = WatchRecorder.watch(health, "demo.All");
		awaitServing(overall);
		awaitServing(all);
		MadeAsIteratedComposite clients = this.fixture.started().context().getBean(MadeAsIteratedComposite.class);
		int iterationsBefore = clients.iterations();
		int evaluationsBefore = clients.evaluations("a");
		int linesBefore = contributorLines(output);
		long start = System.nanoTime();
		// At least 20 readings of the registry.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> clients.iterations() - iterationsBefore >= OBSERVED_REFRESHES);
		long millis = millisSince(start);
		int refreshes = clients.iterations() - iterationsBefore;
		int evaluations = clients.evaluations("a") - evaluationsBefore;
		List<ServingStatus> overallMessages = overall.drainReceived();
		List<ServingStatus> allMessages = all.drainReceived();
		System.out.printf(
				"%s: a composite whose members are made as it is iterated, %d readings in %d ms "
						+ "(refresh interval 100 ms): Watch \"\" got %s, Watch demo.All got %s; member a evaluated %d "
						+ "times (interval 500 ms); %d INFO lines about contributors%n",
				server, refreshes, millis, overallMessages, allMessages, evaluations,
				contributorLines(output) - linesBefore);
		assertThat(overallMessages).as("Watch \"\" after SERVING").isEmpty();
		assertThat(allMessages).as("Watch demo.All after SERVING").isEmpty();
		assertThat(contributorLines(output)).as("lines about contributors").isEqualTo(linesBefore);
		// On its schedule, not started again at each reading.
		assertThat(evaluations).isLessThanOrEqualTo((int) (millis / 500) + 2);
		assertThat(this.fixture.started().context().getBean(StatusStore.class).health("demo.All").checks())
			.containsKeys("clients/a", "clients/b");
	}

	@ParameterizedTest
	@EnumSource
	void aContributorRegisteredAtRuntimeJoinsTheServicesThatIncludeStarAndLeavesThemWhenUnregistered(
			TestGrpcServer server, CapturedOutput output) throws Exception {
		this.fixture.start(server,
				server.application(Application.class)
					.properties("grpc.health.overall.include=ready", "grpc.health.services[demo.All].include=*",
							"grpc.health.services[demo.Named].include=startup", "grpc.health.defaults.interval=200ms"));
		HealthGrpc.HealthStub health = HealthGrpc.newStub(this.fixture.channel());
		WatchRecorder all = WatchRecorder.watch(health, "demo.All");
		WatchRecorder named = WatchRecorder.watch(health, "demo.Named");
		assertThat(all.next()).isEqualTo(ServingStatus.SERVING);
		assertThat(named.next()).isEqualTo(ServingStatus.SERVING);
		HealthContributorRegistry registry = this.fixture.started().context().getBean(HealthContributorRegistry.class);

		Switchable dynamic = new Switchable();
		long registered = System.nanoTime();
		registry.registerContributor("dynamic", dynamic);
		// Its first evaluation waits for the test: until then the service has a member
		// without a result.
		assertThat(all.next()).isEqualTo(ServingStatus.NOT_SERVING);
		long joinedMillis = millisSince(registered);
		assertThat(mirroredChecks("demo.All")).containsEntry("dynamic", "UNKNOWN");
		dynamic.answer();
		assertThat(all.next()).isEqualTo(ServingStatus.SERVING);
		assertThat(mirroredChecks("demo.All")).containsEntry("dynamic", "UP");
		dynamic.status = Status.DOWN;
		assertThat(all.next()).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(mirroredChecks("demo.All")).containsEntry("dynamic", "DOWN");

		long unregistered = System.nanoTime();
		registry.unregisterContributor("dynamic");
		assertThat(all.next()).isEqualTo(ServingStatus.SERVING);
		long leftMillis = millisSince(unregistered);
		assertThat(mirroredChecks("demo.All")).doesNotContainKey("dynamic");

		registry.unregisterContributor("startup");
		assertThat(named.next()).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(mirroredChecks("demo.Named")).containsExactly(Map.entry("startup", "UNKNOWN"));
		assertThat(output).contains("Health contributor 'dynamic' was registered")
			.contains("Health contributor 'dynamic' was unregistered")
			.contains("Health check 'startup' went away (its contributor was unregistered), but "
					+ "grpc.health.services[demo.Named].include include it by name");
		System.out.printf(
				"%s: a contributor registered at runtime joined demo.All (include *) after %d ms, "
						+ "and left it %d ms after it was unregistered (refresh interval 1 s)%n",
				server, joinedMillis, leftMillis);
		assertThat(joinedMillis).as("joined, in ms").isLessThan(PICKED_UP_WITHIN.toMillis());
		assertThat(leftMillis).as("left, in ms").isLessThan(PICKED_UP_WITHIN.toMillis());
		// Nothing else changed meanwhile: demo.All stayed SERVING.
		assertThat(all.answered()).isFalse();
	}

	private Map<String, String> mirroredChecks(String service) {
		return MirroredChecks.of(this.fixture.started().context(), service);
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static void awaitServing(WatchRecorder watch) throws InterruptedException {
		ServingStatus status = watch.next();
		while (status != ServingStatus.SERVING) {
			status = watch.next();
		}
	}

	private static int contributorLines(CapturedOutput output) {
		return (int) output.getAll().lines().filter((line) -> line.contains("Health contributor '")).count();
	}

	/**
	 * A contributor whose first evaluation waits until the test lets it answer.
	 */
	static final class Switchable implements HealthIndicator {

		private final CountDownLatch first = new CountDownLatch(1);

		volatile Status status = Status.UP;

		@Override
		public Health health() {
			try {
				this.first.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Health.status(this.status).build();
		}

		void answer() {
			this.first.countDown();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CompositeApplication extends ServerShutdownEdgeCasesTests.Application {

		@Bean
		MadeAsIteratedComposite clientsHealthContributor() {
			return new MadeAsIteratedComposite(Duration.ofMillis(50), "a", "b");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Application extends ServerShutdownEdgeCasesTests.Application {

		@Bean
		HealthIndicator startupHealthIndicator() {
			return () -> Health.up().build();
		}

	}

}
