package io.github.healthgrpc.benchmarks.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.benchmarks.load.Channels;
import io.github.healthgrpc.benchmarks.load.CheckLoad;
import io.github.healthgrpc.benchmarks.load.PacedCheckLoad;
import io.github.healthgrpc.benchmarks.load.WatchCrowd;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * Warms the harness's own client code (channels, stubs, the load drivers) against a
 * server in the harness itself before the first peer, so that whichever peer a round
 * measures first is not measured with a client that the JIT has not compiled yet.
 */
final class ClientWarmUp {

	private ClientWarmUp() {
	}

	static void run(Duration duration) throws IOException, InterruptedException {
		HealthStatusManager health = new HealthStatusManager();
		health.setStatus("demo.Inventory", ServingStatus.SERVING);
		Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(health.getHealthService())
			.build()
			.start();
		try (Channels channels = new Channels(server.getPort(), 4)) {
			new CheckLoad(channels, () -> 0).run(64, duration, Duration.ofMillis(100));
			new PacedCheckLoad(channels, "demo.Inventory").run(Plan.PACED_RATE, duration.dividedBy(2));
			try (WatchCrowd crowd = WatchCrowd.open(server.getPort(), 1_000, "demo.Inventory", ServingStatus.SERVING)) {
				WatchCrowd.Expectation down = crowd.expect(ServingStatus.NOT_SERVING);
				health.setStatus("demo.Inventory", ServingStatus.NOT_SERVING);
				down.await(Duration.ofSeconds(30));
			}
		}
		finally {
			server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

}
