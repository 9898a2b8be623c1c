package io.github.healthgrpc.benchmarks.jmh;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.grpc.WatchLimits;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.health.contributor.Health;

/**
 * One status change reaching N Watch calls over grpc-java's in-process transport: from
 * the change (a check result recorded in health-grpc's store, or
 * {@link HealthStatusManager#setStatus}) until the last watcher has its message.
 * health-grpc tells watchers on a thread of its own, never on the thread that records a
 * result; {@code HealthStatusManager} tells them on the caller's thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WatchFanOutBenchmark {

	@Param({ "1", "100", "1000" })
	int watchers;

	@Param({ "health-grpc", "HealthStatusManager" })
	String service;

	private StatusStore store;

	private HealthStatusManager manager;

	private Server server;

	private ManagedChannel channel;

	private volatile CountDownLatch heard = new CountDownLatch(0);

	private boolean up = true;

	/**
	 * A fan-out set up outside JMH (the harness measures its allocation): the server
	 * started and every watcher told its first status. Close it with {@link #tearDown()}.
	 * @param service {@code health-grpc} or {@code HealthStatusManager}
	 * @param watchers how many Watch calls
	 * @return the fan-out
	 */
	public static WatchFanOutBenchmark open(String service, int watchers) throws IOException, InterruptedException {
		WatchFanOutBenchmark fanOut = new WatchFanOutBenchmark();
		fanOut.service = service;
		fanOut.watchers = watchers;
		fanOut.setUp();
		return fanOut;
	}

	/**
	 * Start the in-process server and open the Watch calls.
	 */
	@Setup
	public void setUp() throws IOException, InterruptedException {
		String name = "fan-out-" + System.nanoTime();
		InProcessServerBuilder builder = InProcessServerBuilder.forName(name).directExecutor();
		if (this.service.equals("health-grpc")) {
			this.store = DemoStore.create();
			// Room for every watcher of the largest run.
			builder.addService(new HealthGrpcService(this.store, 100, new WatchLimits(20_000, 100)));
		}
		else {
			this.manager = new HealthStatusManager();
			this.manager.setStatus("demo.Inventory", ServingStatus.SERVING);
			builder.addService(this.manager.getHealthService());
		}
		this.server = builder.build().start();
		this.channel = InProcessChannelBuilder.forName(name).directExecutor().build();
		this.heard = new CountDownLatch(this.watchers);
		HealthCheckRequest request = HealthCheckRequest.newBuilder().setService("demo.Inventory").build();
		for (int i = 0; i < this.watchers; i++) {
			HealthGrpc.newStub(this.channel).watch(request, new Watcher());
		}
		if (!this.heard.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Not every watcher heard its first status");
		}
	}

	/**
	 * Change the status and wait until every watcher has heard it.
	 */
	@Benchmark
	public void changeReachesEveryWatcher() throws InterruptedException {
		CountDownLatch all = new CountDownLatch(this.watchers);
		this.heard = all;
		this.up = !this.up;
		if (this.store != null) {
			this.store.record("pricing", this.up ? Health.up().build() : Health.down().build());
		}
		else {
			this.manager.setStatus("demo.Inventory", this.up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
		}
		if (!all.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(all.getCount() + " watchers did not hear the change");
		}
	}

	/**
	 * Stop the server and the channel.
	 */
	@TearDown
	public void tearDown() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		if (this.store != null) {
			this.store.close();
		}
	}

	private final class Watcher implements StreamObserver<HealthCheckResponse> {

		@Override
		public void onNext(HealthCheckResponse response) {
			WatchFanOutBenchmark.this.heard.countDown();
		}

		@Override
		public void onError(Throwable error) {
		}

		@Override
		public void onCompleted() {
		}

	}

}
