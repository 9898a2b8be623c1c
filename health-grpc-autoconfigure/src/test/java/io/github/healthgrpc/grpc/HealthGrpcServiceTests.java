package io.github.healthgrpc.grpc;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The Health service on an in-process server with a direct executor, called by a real
 * client.
 */
class HealthGrpcServiceTests {

	private final StatusStore store = new StatusStore();

	private final HealthGrpcService service = new HealthGrpcService(this.store, 3);

	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.inProcess();

	private HealthGrpc.HealthBlockingStub blocking;

	private HealthGrpc.HealthStub async;

	@BeforeEach
	void start() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db", "pricing")));
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.up().build());
		this.store.setAcceptingTraffic(true);
		this.server.start(this.service);
		this.blocking = HealthGrpc.newBlockingStub(this.server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
		this.async = HealthGrpc.newStub(this.server.channel());
	}

	@Test
	void checkAnswersTheOverallStatusForTheEmptyName() {
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
		this.store.record("db", Health.down().build());
		assertThat(check("")).isEqualTo(ServingStatus.NOT_SERVING);
	}

	@Test
	void checkAnswersEachServiceFromItsOwnChecks() {
		this.store.record("pricing", Health.down().build());
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void checkOfAnUnknownServiceIsNotFound() {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> check("demo.Nope")).satisfies((ex) -> {
			assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(ex.getStatus().getDescription()).contains("demo.Nope");
		});
	}

	@Test
	void checkOfAHugeUnknownNameIsNotFoundWithoutEchoingTheName() {
		String huge = "x".repeat(1_000_000);
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> check(huge)).satisfies((ex) -> {
			assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
			assertThat(ex.getStatus().getDescription()).hasSizeLessThan(500);
		});
	}

	@Test
	void listAnswersEveryKnownService() {
		assertThat(this.blocking.list(HealthListRequest.getDefaultInstance()).getStatusesMap())
			.containsOnlyKeys("", "demo.Inventory")
			.allSatisfy((name, response) -> assertThat(response.getStatus()).isEqualTo(ServingStatus.SERVING));
	}

	@Test
	void listAboveTheLimitIsResourceExhausted() {
		this.store.addServices(Set.of("a.A", "b.B"));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> this.blocking.list(HealthListRequest.getDefaultInstance()))
			.satisfies((ex) -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
				assertThat(ex.getStatus().getDescription()).contains("grpc.health.list.max-services");
			});
	}

	@Test
	void watchSendsTheStatusAtOnceThenEachChange() throws InterruptedException {
		try (WatchRecorder watch = WatchRecorder.watch(this.async, "demo.Inventory")) {
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
			this.store.record("pricing", Health.down().build());
			assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
			this.store.record("pricing", Health.down().withDetail("again", true).build());
			this.store.record("pricing", Health.up().build());
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		}
	}

	@Test
	void watchOfAnUnknownServiceStaysOpenAndFollowsTheServiceOnceItIsKnown() throws InterruptedException {
		try (WatchRecorder watch = WatchRecorder.watch(this.async, "demo.Greeter")) {
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
			this.store.addServices(Set.of("demo.Greeter"));
			assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
			assertThat(watch.isOpen()).isTrue();
		}
	}

	@Test
	void closingTheStoreSendsNotServingThenCompletesEveryWatch() throws InterruptedException {
		try (WatchRecorder first = WatchRecorder.watch(this.async, "");
				WatchRecorder second = WatchRecorder.watch(this.async, "demo.Inventory")) {
			assertThat(first.next()).isEqualTo(ServingStatus.SERVING);
			assertThat(second.next()).isEqualTo(ServingStatus.SERVING);
			this.store.close();
			assertThat(first.next()).isEqualTo(ServingStatus.NOT_SERVING);
			assertThat(second.next()).isEqualTo(ServingStatus.NOT_SERVING);
			first.awaitCompleted();
			second.awaitCompleted();
			assertThat(this.service.watcherCount()).isZero();
		}
	}

	@Test
	void aWatchArrivingAfterShutdownBeganGetsNotServingAndCompletes() throws InterruptedException {
		this.store.close();
		try (WatchRecorder watch = WatchRecorder.watch(this.async, "demo.Inventory")) {
			assertThat(watch.next()).isEqualTo(ServingStatus.NOT_SERVING);
			watch.awaitCompleted();
		}
	}

	@Test
	void aCancelledWatchIsForgotten() throws Exception {
		Context.CancellableContext context = Context.current().withCancellation();
		WatchRecorder watch = context.call(() -> WatchRecorder.watch(this.async, "demo.Inventory"));
		assertThat(watch.next()).isEqualTo(ServingStatus.SERVING);
		assertThat(this.service.watcherCount()).isEqualTo(1);
		context.cancel(null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.service.watcherCount()).isZero());
		this.store.record("pricing", Health.down().build());
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.NOT_SERVING);
	}

	private ServingStatus check(String service) {
		return this.blocking.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
	}

}
