package io.github.healthgrpc.upstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.grpc.ByteArrayMarshaller;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upstream check against upstreams that are not health-grpc: plain grpc-java servers
 * on a random loopback port, reached over a channel from {@link TargetChannels}, the
 * check's results recorded as the engine receives them.
 */
class UpstreamCheckBehaviourTests {

	private final TargetChannels targets = new TargetChannels();

	private Server server;

	private UpstreamCheckSource source;

	@AfterEach
	void close() throws InterruptedException {
		if (this.source != null) {
			this.source.destroy();
		}
		this.targets.destroy();
		if (this.server != null) {
			this.server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	// grpc-java answers UNIMPLEMENTED for a service the server does not have.
	@Test
	void anUpstreamWithoutHealthIsFollowedByItsConnection() throws Exception {
		this.server = start(echo());
		Results results = follow("", Duration.ofSeconds(5));
		Health up = results.next();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("upstream", target())
			.containsEntry("service", "")
			.containsEntry("note", "the upstream does not implement grpc.health.v1.Health: following the connection");
		long start = System.nanoTime();
		this.server.shutdownNow();
		Health down = results.next();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Upstream without Health stopped: DOWN in %d ms%n", millis);
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("reason", "the connection is lost")
			.containsEntry("note", "the upstream does not implement grpc.health.v1.Health: following the connection");
		assertThat(Duration.ofMillis(millis)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void anUpstreamThatNeverAnswersIsDownAfterTheTimeoutAndUpWhenItAnswers() throws Exception {
		SilentHealth silent = new SilentHealth();
		this.server = start(silent);
		long start = System.nanoTime();
		Results results = follow("demo.Stock", Duration.ofMillis(500));
		Health down = results.next();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Upstream that never answers, timeout 500 ms: DOWN in %d ms%n", millis);
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("upstream", target())
			.containsEntry("service", "demo.Stock")
			.containsEntry("reason", "no answer within 500 ms (the check's timeout)");
		assertThat(Duration.ofMillis(millis)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
		StreamObserver<HealthCheckResponse> call = silent.call.get(10, TimeUnit.SECONDS);
		assertThat(silent.request.getService()).isEqualTo("demo.Stock");
		call.onNext(HealthCheckResponse.newBuilder().setStatus(ServingStatus.SERVING).build());
		Health up = results.next();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("status", "SERVING");
	}

	@Test
	void anUpstreamThatDoesNotKnowTheServiceIsDownWithTheReason() throws Exception {
		HealthStatusManager health = new HealthStatusManager();
		this.server = start(health.getHealthService());
		Results results = follow("demo.Stock", Duration.ofSeconds(5));
		Health down = results.next();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("upstream", target())
			.containsEntry("service", "demo.Stock")
			.containsEntry("reason", "the upstream says SERVICE_UNKNOWN")
			.containsEntry("status", "SERVICE_UNKNOWN");
		health.setStatus("demo.Stock", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
		assertThat(results.next().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void anUpstreamRedeployedWithHealthIsFollowedByWatchAgain() throws Exception {
		this.server = start(echo());
		int port = this.server.getPort();
		Results results = follow("", Duration.ofSeconds(5));
		assertThat(results.next().getDetails()).containsKey("note");
		this.server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		HealthStatusManager health = new HealthStatusManager();
		health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.NOT_SERVING);
		this.server = NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", port))
			.addService(health.getHealthService())
			.build()
			.start();
		long start = System.nanoTime();
		// The check asks again after its backoff delays (1 s, 1.6 s, ...; at most the
		// timeout): the upstream's own status comes back.
		Health followed = results.until((result) -> result.getDetails().containsKey("status"));
		System.out.printf("Upstream redeployed with Health: followed by Watch again after %d ms%n",
				(System.nanoTime() - start) / 1_000_000);
		assertThat(followed.getStatus()).isEqualTo(Status.DOWN);
		assertThat(followed.getDetails()).containsEntry("reason", "the upstream says NOT_SERVING");
		health.setStatus("", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
		assertThat(results.next().getStatus()).isEqualTo(Status.UP);
	}

	// max-connection-age: the server sends GOAWAY, and closes the connection when its
	// grace ends, failing the calls still open on it; the channel already has a new one.
	@Test
	void anUpstreamThatRotatesItsConnectionsIsNoOutage() throws Exception {
		HealthStatusManager health = new HealthStatusManager();
		java.util.concurrent.atomic.AtomicInteger watchCalls = new java.util.concurrent.atomic.AtomicInteger();
		this.server = NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
			.addService(
					io.grpc.ServerInterceptors.intercept(health.getHealthService(), new io.grpc.ServerInterceptor() {
						@Override
						public <ReqT, RespT> io.grpc.ServerCall.Listener<ReqT> interceptCall(
								io.grpc.ServerCall<ReqT, RespT> call, io.grpc.Metadata headers,
								io.grpc.ServerCallHandler<ReqT, RespT> next) {
							watchCalls.incrementAndGet();
							return next.startCall(call, headers);
						}
					}))
			.maxConnectionAge(500, TimeUnit.MILLISECONDS)
			.maxConnectionAgeGrace(50, TimeUnit.MILLISECONDS)
			.build()
			.start();
		Results results = follow("", Duration.ofSeconds(5));
		assertThat(results.next().getStatus()).isEqualTo(Status.UP);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(watchCalls::get, (calls) -> calls > 4);
		List<Status> statuses = results.drain().stream().map(Health::getStatus).toList();
		System.out.printf("Upstream rotating its connections every 500 ms: %d Watch calls, the check pushed %s%n",
				watchCalls.get(), statuses);
		assertThat(statuses).as("what the check pushed across four rotations").containsOnly(Status.UP);
	}

	private Results follow(String service, Duration timeout) {
		Upstream upstream = new Upstream("stock", service, target(), timeout);
		ManagedChannel channel = this.targets.channel(target(), Duration.ofSeconds(10), Duration.ofSeconds(5));
		this.source = new UpstreamCheckSource(List.of(upstream), (any) -> channel);
		Results results = new Results();
		((CheckDefinition.Pushed) this.source.checks().get(0)).subscription().accept(results.received::add);
		return results;
	}

	private String target() {
		return "127.0.0.1:" + this.server.getPort();
	}

	private static Server start(BindableService service) throws Exception {
		return NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
			.addService(service)
			.build()
			.start();
	}

	private static BindableService echo() {
		MethodDescriptor<byte[], byte[]> echo = ByteArrayMarshaller.method("test.Echo/Echo",
				MethodDescriptor.MethodType.UNARY);
		return () -> ServerServiceDefinition.builder("test.Echo")
			.addMethod(echo, ServerCalls.asyncUnaryCall((request, response) -> {
				response.onNext(request);
				response.onCompleted();
			}))
			.build();
	}

	/**
	 * What the check pushed, in order.
	 */
	private static final class Results {

		private final BlockingQueue<Health> received = new LinkedBlockingQueue<>();

		Health next() throws InterruptedException {
			Health health = this.received.poll(10, TimeUnit.SECONDS);
			assertThat(health).as("a result within 10s").isNotNull();
			return health;
		}

		Health until(java.util.function.Predicate<Health> wanted) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (System.nanoTime() < deadline) {
				Health health = this.received.poll(1, TimeUnit.SECONDS);
				if (health != null && wanted.test(health)) {
					return health;
				}
			}
			throw new AssertionError("no such result within 30s");
		}

		List<Health> drain() {
			List<Health> drained = new java.util.ArrayList<>();
			this.received.drainTo(drained);
			return drained;
		}

	}

	/**
	 * A Health service whose Watch takes the call and says nothing until the test
	 * answers.
	 */
	private static final class SilentHealth extends HealthGrpc.HealthImplBase {

		private final CompletableFuture<StreamObserver<HealthCheckResponse>> call = new CompletableFuture<>();

		private volatile HealthCheckRequest request;

		@Override
		public void watch(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
			this.request = request;
			this.call.complete(responseObserver);
		}

	}

}
