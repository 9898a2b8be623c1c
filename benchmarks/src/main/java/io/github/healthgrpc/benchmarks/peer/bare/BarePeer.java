package io.github.healthgrpc.benchmarks.peer.bare;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.github.healthgrpc.benchmarks.peer.BenchInventoryService;
import io.github.healthgrpc.benchmarks.peer.PeerControl;
import io.github.healthgrpc.sample.greeter.GreeterService;
import io.github.healthgrpc.sample.pricing.PricingProperties;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * The floor: grpc-java's own {@link HealthStatusManager} on a plain grpc-java Netty
 * server, with a checker thread that runs the same TCP check on the same schedule, and a
 * shutdown hook that does what a careful grpc-java user writes by hand (NOT_SERVING, the
 * drain delay, then the server's shutdown with a grace period).
 *
 * <p>
 * Arguments: gRPC port, pricing {@code host:port}, drain delay and grace period in
 * milliseconds.
 */
public final class BarePeer {

	static final String INVENTORY = "demo.Inventory";

	static final String MANUAL = "bench.Manual";

	private BarePeer() {
	}

	/**
	 * Start the peer.
	 * @param args port, pricing address, drain delay (ms), grace period (ms)
	 */
	public static void main(String[] args) throws IOException {
		long start = System.nanoTime();
		HealthStatusManager health = new HealthStatusManager();
		health.setStatus(INVENTORY, ServingStatus.NOT_SERVING);
		health.setStatus("demo.Greeter", ServingStatus.SERVING);
		health.setStatus(MANUAL, ServingStatus.SERVING);
		Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])))
			.addService(new GreeterService())
			.addService(new BenchInventoryService())
			.addService(health.getHealthService())
			.build()
			.start();
		PricingChecker checker = new PricingChecker(new PricingProperties(args[1], Duration.ofMillis(250)),
				(up) -> health.setStatus(INVENTORY, up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING));
		checker.start(Duration.ofSeconds(1), Duration.ofMillis(500));
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> new BareShutdown(server, health, checker)
				.run(Duration.ofMillis(Long.parseLong(args[2])), Duration.ofMillis(Long.parseLong(args[3])))));
		PeerControl.ready((System.nanoTime() - start) / 1_000_000,
				(up) -> health.setStatus(MANUAL, up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING), null);
	}

}
