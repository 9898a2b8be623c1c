package io.github.healthgrpc.upstream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves that an upstream that answers NOT_SERVING and hangs up at once, as a draining
 * server does once its drain delay is over, is not called in a loop: the calls that
 * follow one that never said SERVING wait 1 s, then 1.6 times longer each time (20 %
 * jitter), grpc-java's health-check backoff. grpc-java's own client-side health checking
 * backs off only after a call without any answer, so it would call such an upstream in a
 * loop; upstream checks back off until the upstream says SERVING. The downstream's own
 * server plays no part in this.
 */
class UpstreamRetryEndToEndTests {

	private final List<Long> watchCalls = new CopyOnWriteArrayList<>();

	private Server upstream;

	private TestGrpcServer.Started downstream;

	@AfterEach
	void close() throws Exception {
		if (this.downstream != null) {
			this.downstream.close();
		}
		if (this.upstream != null) {
			this.upstream.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void anUpstreamThatHangsUpAtOnceIsCalledAgainAfterABackoff() throws Exception {
		this.upstream = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.addService(new HangingUpHealth())
			.build()
			.start();
		this.downstream = TestGrpcServer.BOOT.start(EndToEndApplications.Plain.class,
				"grpc.health.shutdown.drain-delay=0ms",
				"grpc.health.upstreams.hanging-up.target=127.0.0.1:" + this.upstream.getPort());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.watchCalls.size() >= 3);
		double firstGap = (this.watchCalls.get(1) - this.watchCalls.get(0)) / 1e6;
		double secondGap = (this.watchCalls.get(2) - this.watchCalls.get(1)) / 1e6;
		System.out.printf("An upstream that answers NOT_SERVING and hangs up at once: called again after %.0f ms, "
				+ "then after %.0f ms%n", firstGap, secondGap);
		// 1 s and 1.6 s, each within 20 % jitter (800 to 1,200 ms, then 1,280 to 1,920
		// ms): never sooner. Later is only bounded loosely: a busy machine adds its own
		// delay to each new call.
		assertThat(firstGap).as("ms before the second call").isBetween(790.0, 2500.0);
		assertThat(secondGap).as("ms before the third call").isBetween(1270.0, 4000.0);
	}

	/**
	 * A Health service that answers every Watch call NOT_SERVING and completes it.
	 */
	private final class HangingUpHealth extends HealthGrpc.HealthImplBase {

		@Override
		public void watch(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responses) {
			UpstreamRetryEndToEndTests.this.watchCalls.add(System.nanoTime());
			responses.onNext(HealthCheckResponse.newBuilder().setStatus(ServingStatus.NOT_SERVING).build());
			responses.onCompleted();
		}

	}

}
