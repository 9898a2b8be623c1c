package io.github.healthgrpc.grpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Proves that hostile requests (huge names, invalid UTF-8, floods of distinct unknown
 * names or of Watch calls) get a clear error status, hold no memory beyond the limits,
 * and leave the server answering everyone else.
 */
class HostileRequestTests {

	// A request whose field 1 (service) holds 0xC3 0x28: a UTF-8 lead byte and no
	// continuation.
	private static final byte[] INVALID_UTF8_REQUEST = { 0x0A, 0x02, (byte) 0xC3, 0x28 };

	// Field 1, length-delimited, claims 5 bytes and has 1: no message type parses it.
	private static final byte[] NOT_PROTOBUF = { 0x0A, 0x05, 0x01 };

	private static final int MAX_WATCHERS = 300;

	private static final int MAX_UNKNOWN = 100;

	private final StatusStore store = new StatusStore();

	// The one connection of these tests holds every Watch call, so the total limit is
	// what refuses; WatchConnectionLimitTests proves who gives way between connections.
	private final HealthGrpcService service = new HealthGrpcService(this.store, 100,
			new WatchLimits(MAX_WATCHERS, MAX_UNKNOWN));

	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.inProcess();

	private HealthGrpc.HealthBlockingStub blocking;

	private HealthGrpc.HealthStub async;

	private final List<WatchRecorder> watches = new ArrayList<>();

	@BeforeEach
	void start() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		this.store.record("db", Health.up().build());
		this.store.setAcceptingTraffic(true);
		this.server.start(this.service);
		this.blocking = HealthGrpc.newBlockingStub(this.server.channel()).withDeadlineAfter(10, TimeUnit.SECONDS);
		this.async = HealthGrpc.newStub(this.server.channel());
	}

	@AfterEach
	void stop() {
		this.watches.forEach(WatchRecorder::close);
	}

	@Test
	void aMegabyteServiceNameOnCheckIsNotFoundNamingOnlyItsFirst200Characters() {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> check("x".repeat(1 << 20)))
			.satisfies((ex) -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
				assertThat(ex.getStatus().getDescription()).contains("'" + "x".repeat(200) + "...'")
					.doesNotContain("x".repeat(201))
					.hasSizeLessThan(500);
			});
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void aMegabyteServiceNameOnWatchIsInvalidArgumentAndHoldsNothing() throws InterruptedException {
		Throwable error = watch("x".repeat(1 << 20)).awaitEnded();
		assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(Status.fromThrowable(error).getDescription()).contains("1048576 characters", "1024")
			.hasSizeLessThan(500);
		assertThat(this.service.watcherCount()).isZero();
		assertThat(this.service.watchedServiceCount()).isZero();
		assertThat(watch("x".repeat(WatchLimits.MAX_SERVICE_NAME_LENGTH)).next())
			.isEqualTo(ServingStatus.SERVICE_UNKNOWN);
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void invalidUtf8InTheServiceNameOfCheckIsInvalidArgumentAndTheServerKeepsServing() {
		RawHealthCalls raw = new RawHealthCalls(this.server.channel());
		try (GrpcLogRecorder log = new GrpcLogRecorder()) {
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> raw.check(INVALID_UTF8_REQUEST))
				.satisfies((ex) -> assertMalformed(ex.getStatus(), "grpc.health.v1.HealthCheckRequest"));
			assertThat(check("")).isEqualTo(ServingStatus.SERVING);
			assertThat(log.warnings()).isEmpty();
		}
	}

	@Test
	void invalidUtf8InTheServiceNameOfWatchIsInvalidArgumentAndTheServerKeepsServing() throws InterruptedException {
		RawHealthCalls raw = new RawHealthCalls(this.server.channel());
		try (GrpcLogRecorder log = new GrpcLogRecorder()) {
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> raw.watch(INVALID_UTF8_REQUEST, 1))
				.satisfies((ex) -> assertMalformed(ex.getStatus(), "grpc.health.v1.HealthCheckRequest"));
			assertThat(this.service.watcherCount()).isZero();
			assertThat(watch("demo.Inventory").next()).isEqualTo(ServingStatus.SERVING);
			assertThat(log.warnings()).isEmpty();
		}
	}

	@Test
	void twoMalformedMessagesOnOneCallAreOneInvalidArgumentAndNothingInTheLog() throws Exception {
		RawHealthCalls raw = new RawHealthCalls(this.server.channel());
		try (GrpcLogRecorder log = new GrpcLogRecorder()) {
			for (String method : List.of("Check", "Watch", "List")) {
				Status status = raw.sendAll(method, NOT_PROTOBUF, NOT_PROTOBUF);
				assertThat(status.getCode()).as(method).isEqualTo(Status.Code.INVALID_ARGUMENT);
			}
			assertThat(check("")).isEqualTo(ServingStatus.SERVING);
			assertThat(this.service.watcherCount()).isZero();
			assertThat(log.warnings()).isEmpty();
		}
	}

	@Test
	void aListRequestThatIsNotProtobufIsInvalidArgument() {
		RawHealthCalls raw = new RawHealthCalls(this.server.channel());
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(() -> raw.list(NOT_PROTOBUF))
			.satisfies((ex) -> assertMalformed(ex.getStatus(), "grpc.health.v1.HealthListRequest"));
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void thousandsOfDistinctUnknownNamesAreCappedAndSaySo() throws InterruptedException {
		int refused = 0;
		for (int i = 0; i < 2_000; i++) {
			WatchRecorder watch = watch("flood.Unknown" + i);
			if (i < MAX_UNKNOWN) {
				assertThat(watch.next()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
			}
			else {
				Status status = Status.fromThrowable(watch.awaitEnded());
				assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
				assertThat(status.getDescription()).contains("grpc.health.watch.max-unknown-services");
				refused++;
			}
		}
		System.out.printf("Watch flood: 2000 distinct unknown names, %d watched, %d refused, %d entries held%n",
				this.service.watcherCount(), refused, this.service.watchedServiceCount());
		assertThat(this.service.watchedServiceCount()).isEqualTo(MAX_UNKNOWN);
		assertThat(this.service.watcherCount()).isEqualTo(MAX_UNKNOWN);
		// Names already watched, and known services, are not new unknown names.
		assertThat(watch("flood.Unknown0").next()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
		assertThat(watch("demo.Inventory").next()).isEqualTo(ServingStatus.SERVING);
		assertThat(check("")).isEqualTo(ServingStatus.SERVING);
	}

	@Test
	void anUnknownNameFreesItsPlaceWhenItsWatchEndsOrTheServiceBecomesKnown() throws InterruptedException {
		for (int i = 0; i < MAX_UNKNOWN; i++) {
			assertThat(watch("flood.Unknown" + i).next()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
		}
		assertThat(Status.fromThrowable(watch("flood.Late").awaitEnded()).getCode())
			.isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		this.watches.get(0).cancel();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.service.watchedServiceCount()).isEqualTo(MAX_UNKNOWN - 1));
		assertThat(watch("flood.Late").next()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
		assertThat(Status.fromThrowable(watch("flood.Later").awaitEnded()).getCode())
			.isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		this.store.addServices(Set.of("flood.Unknown1"));
		assertThat(this.watches.get(1).next()).isEqualTo(ServingStatus.SERVING);
		assertThat(watch("flood.Later").next()).isEqualTo(ServingStatus.SERVICE_UNKNOWN);
	}

	@Test
	void watchCallsBeyondTheLimitAreResourceExhaustedUntilOneEnds() throws InterruptedException {
		for (int i = 0; i < MAX_WATCHERS; i++) {
			assertThat(watch("demo.Inventory").next()).isEqualTo(ServingStatus.SERVING);
		}
		Status refused = Status.fromThrowable(watch("demo.Inventory").awaitEnded());
		assertThat(refused.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
		assertThat(refused.getDescription()).contains("grpc.health.watch.max-watchers");
		assertThat(check("demo.Inventory")).isEqualTo(ServingStatus.SERVING);
		this.watches.get(0).cancel();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.service.watcherCount()).isEqualTo(MAX_WATCHERS - 1));
		assertThat(watch("").next()).isEqualTo(ServingStatus.SERVING);
	}

	private static void assertMalformed(Status status, String messageType) {
		assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status.getDescription()).contains(messageType, "UTF-8");
	}

	private WatchRecorder watch(String service) {
		WatchRecorder watch = WatchRecorder.watch(this.async, service);
		this.watches.add(watch);
		return watch;
	}

	private ServingStatus check(String service) {
		return this.blocking.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
	}

}
