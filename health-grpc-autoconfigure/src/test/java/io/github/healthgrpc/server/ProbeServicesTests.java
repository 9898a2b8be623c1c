package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.grpc.WatchRecorder;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves on each server what the built-in {@code liveness} and {@code readiness} services
 * answer, in an application without a web server whose readiness group is
 * {@code readinessState} and the {@code pricing} health indicator: liveness follows the
 * liveness state alone and stays SERVING through the drain; readiness follows its group
 * and the drain; the drain turns Spring Boot's readiness REFUSING_TRAFFIC once; the
 * status mapping applies.
 */
class ProbeServicesTests {

	private static final Duration DRAIN_DELAY = Duration.ofMillis(1500);

	@AutoClose
	private final ServerFixture fixture = new ServerFixture();

	@ParameterizedTest
	@EnumSource
	void duringTheDrainLivenessStaysServingWhileReadinessAndOverallAreNotServing(TestGrpcServer server)
			throws Exception {
		start(server);
		WatchRecorder liveness = WatchRecorder.watch(HealthGrpc.newStub(this.fixture.channel()), "liveness");
		assertThat(liveness.next()).isEqualTo(ServingStatus.SERVING);
		ApplicationAvailability availability = this.fixture.started().context().getBean(ApplicationAvailability.class);
		ReadinessEvents events = this.fixture.started().context().getBean(ReadinessEvents.class);
		long start = System.nanoTime();
		CompletableFuture<Void> closing = CompletableFuture.runAsync(this.fixture.started()::close);
		await().atMost(Duration.ofSeconds(10)).until(() -> check("") == ServingStatus.NOT_SERVING);
		// Every answer here comes during the drain delay, on a new connection each time.
		assertThat(check("readiness")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		long duringDrain = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		liveness.awaitCompleted();
		long completed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		closing.get(30, TimeUnit.SECONDS);
		System.out.printf(
				"%s: during the drain (checked by %d ms) liveness SERVING, readiness and \"\" "
						+ "NOT_SERVING; the liveness Watch completed after %d ms (drain %d ms)%n",
				server, duringDrain, completed, DRAIN_DELAY.toMillis());
		assertThat(duringDrain).isLessThan(DRAIN_DELAY.toMillis());
		// The process is alive until the server stops: the liveness watcher is never told
		// otherwise.
		assertThat(liveness.drainReceived()).isEmpty();
		assertThat(completed).isGreaterThanOrEqualTo(DRAIN_DELAY.toMillis());
		// Published once by the drain, and heard back without publishing again.
		assertThat(events.states).containsExactly(ReadinessState.ACCEPTING_TRAFFIC, ReadinessState.REFUSING_TRAFFIC);
	}

	@ParameterizedTest
	@EnumSource
	void livenessIsNotServingWhileTheLivenessStateIsBroken(TestGrpcServer server) throws Exception {
		start(server);
		AvailabilityChangeEvent.publish(this.fixture.started().context(), LivenessState.BROKEN);
		assertThat(check("liveness")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(check("readiness")).isEqualTo(ServingStatus.SERVING);
		AvailabilityChangeEvent.publish(this.fixture.started().context(), LivenessState.CORRECT);
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void aReadinessGroupMemberThatIsNotUpTakesReadinessOutAndLeavesLivenessAlone(TestGrpcServer server)
			throws Exception {
		start(server);
		PricingIndicator pricing = pricing();
		pricing.set(Health.down().withDetail("error", "connection refused").build());
		awaitStatus("readiness", ServingStatus.NOT_SERVING);
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
		pricing.set(Health.up().build());
		awaitStatus("readiness", ServingStatus.SERVING);
		pricing.set(Health.outOfService().build());
		awaitStatus("readiness", ServingStatus.NOT_SERVING);
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
	}

	// The restart storm that liveness on "" would cause: a dependency of the overall
	// status is down, "" is NOT_SERVING, and liveness must not follow it.
	@ParameterizedTest
	@EnumSource
	void aDependencyOfTheOverallStatusThatIsDownNeverTakesLivenessOut(TestGrpcServer server) throws Exception {
		start(server, "grpc.health.overall.include=ready,pricing");
		pricing().set(Health.down().withDetail("error", "connection refused").build());
		awaitStatus("", ServingStatus.NOT_SERVING);
		// Polled every 100 ms: still SERVING once more evaluations of the outage have
		// been recorded (the first had, to make "" NOT_SERVING) means none of them
		// reached it.
		pricing().awaitPolls(3);
		assertThat(check("liveness")).isEqualTo(ServingStatus.SERVING);
		assertThat(check("")).isEqualTo(ServingStatus.NOT_SERVING);
	}

	@ParameterizedTest
	@EnumSource
	void statusesMappedToServingLetReadinessServe(TestGrpcServer server) throws Exception {
		start(server, "grpc.health.status.mapping.out-of-service=serving",
				"grpc.health.status.mapping.DEGRADED=serving");
		PricingIndicator pricing = pricing();
		pricing.set(Health.outOfService().build());
		// The indicator is polled every 100 ms: SERVING once the status has been polled
		// and recorded means the mapping held (the third poll since it was set begins
		// only after the second, which read it, was recorded).
		pricing.awaitPolls(3);
		assertThat(check("readiness")).isEqualTo(ServingStatus.SERVING);
		assertThat(pricing.polledSince(Status.OUT_OF_SERVICE)).isTrue();
		pricing.set(Health.status("DEGRADED").build());
		pricing.awaitPolls(3);
		assertThat(check("readiness")).isEqualTo(ServingStatus.SERVING);
		pricing.set(Health.down().build());
		awaitStatus("readiness", ServingStatus.NOT_SERVING);
	}

	private void start(TestGrpcServer server, String... properties) {
		this.fixture.start(server,
				server.application(Application.class)
					.properties("grpc.health.overall.include=ready",
							"management.endpoint.health.group.readiness.include=readinessState,pricing",
							"grpc.health.checks.pricing.interval=100ms",
							"grpc.health.shutdown.drain-delay=" + DRAIN_DELAY.toMillis() + "ms")
					.properties(properties));
		awaitStatus("readiness", ServingStatus.SERVING);
	}

	private PricingIndicator pricing() {
		return this.fixture.started().context().getBean(PricingIndicator.class);
	}

	private void awaitStatus(String service, ServingStatus expected) {
		await().atMost(Duration.ofSeconds(10)).until(() -> check(service), (status) -> status == expected);
	}

	// As kubelet probes: a new connection for each Check.
	private ServingStatus check(String service) {
		return HealthGrpc.newBlockingStub(this.fixture.channel())
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

	@Configuration(proxyBeanMethods = false)
	static class Application extends ServerShutdownEdgeCasesTests.Application {

		@Bean
		PricingIndicator pricingHealthIndicator() {
			return new PricingIndicator();
		}

		@Bean
		ReadinessEvents readinessEvents() {
			return new ReadinessEvents();
		}

	}

	/**
	 * A health indicator (so it may be a health group member) that answers what it is set
	 * to.
	 */
	static class PricingIndicator implements HealthIndicator {

		private volatile Health health = Health.up().build();

		private volatile Status polled;

		private final AtomicInteger polls = new AtomicInteger();

		void set(Health health) {
			this.polled = null;
			this.health = health;
			this.polls.set(0);
		}

		// Waits until the health set last has been polled the given number of times; the
		// first may have read the health before, the next begins once it was recorded.
		void awaitPolls(int count) {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.polls.get() >= count);
		}

		boolean polledSince(Status status) {
			return status.equals(this.polled);
		}

		@Override
		public Health health() {
			Health current = this.health;
			this.polled = current.getStatus();
			this.polls.incrementAndGet();
			return current;
		}

	}

	/**
	 * Every readiness state the application published, in order.
	 */
	static class ReadinessEvents implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

		final List<ReadinessState> states = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
			this.states.add(event.getState());
		}

	}

}
