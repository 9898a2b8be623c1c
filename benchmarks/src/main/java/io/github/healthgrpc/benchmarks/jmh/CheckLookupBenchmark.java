package io.github.healthgrpc.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One Check answered by the service method itself, without a transport: health-grpc's
 * store lookup, its gRPC service method, and grpc-java's {@link HealthStatusManager}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CheckLookupBenchmark {

	private static final HealthCheckRequest REQUEST = HealthCheckRequest.newBuilder()
		.setService("demo.Inventory")
		.build();

	private static final io.grpc.health.v1.HealthCheckRequest GRPC_REQUEST = io.grpc.health.v1.HealthCheckRequest
		.newBuilder()
		.setService("demo.Inventory")
		.build();

	private StatusStore store;

	private HealthGrpcService service;

	private HealthGrpc.AsyncService statusManager;

	/**
	 * Build the store, the service and the status manager.
	 */
	@Setup
	public void setUp() {
		this.store = DemoStore.create();
		this.service = new HealthGrpcService(this.store, 100);
		HealthStatusManager manager = new HealthStatusManager();
		manager.setStatus("demo.Inventory", io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
		this.statusManager = (HealthGrpc.AsyncService) manager.getHealthService();
	}

	/**
	 * The status store's lookup alone.
	 * @return the status
	 */
	@Benchmark
	public Object storeLookup() {
		return this.store.status("demo.Inventory");
	}

	/**
	 * health-grpc's Check method.
	 * @param blackhole takes the response
	 */
	@Benchmark
	public void healthGrpcCheck(Blackhole blackhole) {
		this.service.check(REQUEST, new Sink<>(blackhole));
	}

	/**
	 * {@link HealthStatusManager}'s Check method.
	 * @param blackhole takes the response
	 */
	@Benchmark
	public void healthStatusManagerCheck(Blackhole blackhole) {
		this.statusManager.check(GRPC_REQUEST, new Sink<>(blackhole));
	}

	private record Sink<T>(Blackhole blackhole) implements StreamObserver<T> {

		@Override
		public void onNext(T value) {
			this.blackhole.consume(value);
		}

		@Override
		public void onError(Throwable error) {
			throw new IllegalStateException(error);
		}

		@Override
		public void onCompleted() {
		}

	}

}
