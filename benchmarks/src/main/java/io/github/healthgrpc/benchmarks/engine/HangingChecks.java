package io.github.healthgrpc.benchmarks.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.benchmarks.load.Channels;
import io.github.healthgrpc.benchmarks.load.OpenLoopCheckLoad;
import io.github.healthgrpc.engine.CheckDefinition;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.engine.CheckSchedule;
import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Check latency while checks hang: a real grpc-java Netty server with health-grpc's
 * Health service, store and engine; a service whose members are one quick check and N
 * checks that never return (they ignore interrupts, as a check stuck in a socket read
 * would), each past its timeout; open-loop Check calls on that service, timed from their
 * intended send time. With N = 0 it is the baseline.
 */
final class HangingChecks {

	static final String SERVICE = "demo.Hanging";

	private static final CheckSchedule SCHEDULE = new CheckSchedule(Duration.ofSeconds(1), Duration.ofMillis(200));

	// The starter's default pool size (health.grpc.scheduler.pool-size).
	private static final int WORKERS = 4;

	private HangingChecks() {
	}

	/**
	 * Hang the checks, then load the server.
	 * @param hanging how many checks hang
	 * @param rate Check calls per second
	 * @param period how long the load runs
	 * @return the load's figures
	 */
	static OpenLoopCheckLoad.Result measure(int hanging, int rate, Duration period)
			throws IOException, InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		List<CheckDefinition> checks = new ArrayList<>();
		Set<String> members = new TreeSet<>(Set.of("ping"));
		checks.add(new CheckDefinition.Polled("ping", () -> CompletableFuture.completedFuture(Health.up().build())));
		for (int i = 0; i < hanging; i++) {
			String name = "hang-" + i;
			members.add(name);
			checks.add(new CheckDefinition.Polled(name, () -> hang(release)));
		}
		StatusStore store = new StatusStore();
		store.defineServices(Map.of(StatusStore.OVERALL, Set.of("ping"), SERVICE, members));
		store.setAcceptingTraffic(true);
		Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
			.addService(new HealthGrpcService(store, 100))
			.build()
			.start();
		try (CheckRunner runner = new CheckRunner(store, WORKERS);
				Channels channels = new Channels(server.getPort(), 4)) {
			runner.start(checks, (name) -> SCHEDULE);
			awaitTimedOut(store, hanging);
			OpenLoopCheckLoad load = new OpenLoopCheckLoad(channels, SERVICE, 4_096);
			// A second to warm the path up, then the measured run.
			load.run(rate, Duration.ofSeconds(1));
			return load.run(rate, period);
		}
		finally {
			release.countDown();
			server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
			store.close();
		}
	}

	private static CompletableFuture<Health> hang(CountDownLatch release) {
		boolean interrupted = false;
		while (release.getCount() > 0) {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				// Uninterruptible, like a blocking socket read: the engine's cancel does
				// not end it.
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		return CompletableFuture.completedFuture(Health.up().build());
	}

	private static void awaitTimedOut(StatusStore store, int hanging) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (int i = 0; i < hanging; i++) {
			Health result = store.checkResult("hang-" + i);
			while (result == null || !Status.DOWN.equals(result.getStatus())) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("hang-" + i + " was not DOWN past its timeout within 30 s");
				}
				TimeUnit.MILLISECONDS.sleep(50);
				result = store.checkResult("hang-" + i);
			}
		}
	}

}
