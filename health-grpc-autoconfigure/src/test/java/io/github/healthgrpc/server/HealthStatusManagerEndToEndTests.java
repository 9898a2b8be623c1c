package io.github.healthgrpc.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves on each server that an application written the way Spring Boot's and devh's gRPC
 * docs teach, injecting grpc-java's {@link HealthStatusManager} and setting statuses,
 * starts unchanged with health-grpc, and that what it sets reaches a real grpc-java Watch
 * client at once, and Check, List, the Actuator mirror and the metrics too, combined with
 * the checks mapped to the same service.
 */
class HealthStatusManagerEndToEndTests {

	private static final String INVENTORY = "demo.Inventory";

	private static final Duration HEARD_WITHIN = Duration.ofMillis(500);

	private static final String BRIDGED_CHECK = "health-status-manager/" + INVENTORY;

	@AutoClose
	private final ServerFixture fixture = new ServerFixture();

	@ParameterizedTest
	@EnumSource
	void aStatusSetThroughTheInjectedManagerReachesAWatchAndEveryViewCombinedWithTheMappedChecks(TestGrpcServer server)
			throws Exception {
		this.fixture.start(server, server.application(Application.class)
			.properties("grpc.health.overall.include=db", "grpc.health.services[demo.Inventory].include=db"));
		ManagedChannel channel = this.fixture.channel();
		Watch watch = new Watch();
		HealthGrpc.newStub(channel).watch(request(INVENTORY), watch);
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		Maintenance maintenance = this.fixture.started().context().getBean(Maintenance.class);

		long set = System.nanoTime();
		maintenance.stopServing(INVENTORY);
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		long notServingMillis = watch.millisSince(set);
		assertThat(check(channel, INVENTORY)).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(listed(channel)).containsEntry(INVENTORY, "NOT_SERVING").containsEntry("", "SERVING");
		assertThat(mirroredChecks(INVENTORY)).containsEntry(BRIDGED_CHECK, "DOWN").containsEntry("db", "UP");
		assertThat(upGauge()).isZero();

		set = System.nanoTime();
		maintenance.serve(INVENTORY);
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		long servingMillis = watch.millisSince(set);
		assertThat(mirroredChecks(INVENTORY)).containsEntry(BRIDGED_CHECK, "UP");
		assertThat(upGauge()).isOne();
		System.out.printf(
				"%s: a real Watch heard NOT_SERVING %d ms and SERVING again %d ms after the application "
						+ "called setStatus on the injected HealthStatusManager%n",
				server, notServingMillis, servingMillis);
		assertThat(notServingMillis).as("NOT_SERVING heard after, in ms").isLessThan(HEARD_WITHIN.toMillis());
		assertThat(servingMillis).as("SERVING heard after, in ms").isLessThan(HEARD_WITHIN.toMillis());

		// SERVING through the manager lifts only what the manager held: a mapped check
		// that is DOWN keeps the service NOT_SERVING.
		ManualHealthCheck db = this.fixture.started().context().getBean(ManualHealthCheck.class);
		db.down("gone");
		assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
		maintenance.serve(INVENTORY);
		assertThat(check(channel, INVENTORY)).isEqualTo(ServingStatus.NOT_SERVING);
		db.up();
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);

		maintenance.clear(INVENTORY);
		assertThat(mirroredChecks(INVENTORY)).doesNotContainKey(BRIDGED_CHECK);
		assertThat(check(channel, INVENTORY)).isEqualTo(ServingStatus.SERVING);
		assertThat(watch.received).isEmpty();
	}

	private static HealthCheckRequest request(String service) {
		return HealthCheckRequest.newBuilder().setService(service).build();
	}

	private static ServingStatus check(ManagedChannel channel, String service) {
		return HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.check(request(service))
			.getStatus();
	}

	private static Map<String, String> listed(ManagedChannel channel) {
		Map<String, String> statuses = new java.util.TreeMap<>();
		io.github.healthgrpc.proto.health.v1.HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.list(HealthListRequest.getDefaultInstance())
			.getStatusesMap()
			.forEach((service, response) -> statuses.put(service, response.getStatus().name()));
		return statuses;
	}

	private Map<String, String> mirroredChecks(String service) {
		return MirroredChecks.of(this.fixture.started().context(), service);
	}

	private double upGauge() {
		return this.fixture.started()
			.context()
			.getBean(MeterRegistry.class)
			.get("grpc.health.check.up")
			.tag("check", BRIDGED_CHECK)
			.gauge()
			.value();
	}

	/**
	 * A grpc-java Watch call that records each status with the time it arrived.
	 */
	static final class Watch implements StreamObserver<HealthCheckResponse> {

		private final BlockingQueue<Arrival> received = new LinkedBlockingQueue<>();

		private Arrival last;

		@Override
		public void onNext(HealthCheckResponse response) {
			this.received.add(new Arrival(response.getStatus(), System.nanoTime()));
		}

		@Override
		public void onError(Throwable error) {
		}

		@Override
		public void onCompleted() {
		}

		ServingStatus next() throws InterruptedException {
			this.last = this.received.poll(10, TimeUnit.SECONDS);
			assertThat(this.last).as("a Watch message within 10s").isNotNull();
			return this.last.status();
		}

		long millisSince(long start) {
			return TimeUnit.NANOSECONDS.toMillis(this.last.nanos() - start);
		}

		private record Arrival(ServingStatus status, long nanos) {
		}

	}

	/**
	 * Application code as Spring Boot's and devh's gRPC docs teach it: inject the
	 * {@link HealthStatusManager} and set statuses on it.
	 */
	static final class Maintenance {

		private final HealthStatusManager health;

		Maintenance(HealthStatusManager health) {
			this.health = health;
		}

		void stopServing(String service) {
			this.health.setStatus(service, ServingStatus.NOT_SERVING);
		}

		void serve(String service) {
			this.health.setStatus(service, ServingStatus.SERVING);
		}

		void clear(String service) {
			this.health.clearStatus(service);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(GrpcServerAdapterTests.InventoryService.class)
	static class Application {

		@Bean
		ManualHealthCheck db() {
			ManualHealthCheck db = new ManualHealthCheck("db");
			db.up();
			return db;
		}

		@Bean
		Maintenance maintenance(HealthStatusManager health) {
			return new Maintenance(health);
		}

	}

}
