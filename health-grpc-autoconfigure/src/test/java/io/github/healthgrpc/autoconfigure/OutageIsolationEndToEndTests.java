package io.github.healthgrpc.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.healthgrpc.check.HealthCheck;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves the two check faults of a real outage end to end, on an application that uses
 * only the public API ({@code @HealthCheck} methods and properties), devh's server and
 * the default pool of 4 threads, asked by a real grpc-java client: five checks stuck in a
 * socket read that ignores interrupts do not stop a quick check, and a check whose
 * {@code CompletableFuture} never completes has at most one call outstanding, every
 * overdue one cancelled.
 */
class OutageIsolationEndToEndTests {

	private ConfigurableApplicationContext context;

	private ManagedChannel channel;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.channel != null) {
			this.channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
		if (this.context != null) {
			this.context.close();
		}
	}

	@Test
	void fiveChecksStuckInAnUninterruptibleReadDoNotStopAQuickCheckOnTheDefaultPool() throws IOException {
		try (PartitionedDependency dependency = new PartitionedDependency()) {
			start(StuckReads.class, "grpc.health.services.demo.Stuck.include=stuck-1,stuck-2,stuck-3,stuck-4,stuck-5",
					dependency);
			StuckReads checks = this.context.getBean(StuckReads.class);
			// Every stuck check has started its read and timed out: its thread is written
			// off.
			await().atMost(Duration.ofSeconds(20)).until(() -> dependency.readers() == 5);
			HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(this.channel);
			await().atMost(Duration.ofSeconds(20)).until(() -> check(health, "demo.Quick") == ServingStatus.SERVING);
			int quickRunsBefore = checks.quickRuns.get();
			long startNanos = System.nanoTime();
			int calls = 0;
			while (System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(3)) {
				assertThat(check(health, "demo.Quick")).isEqualTo(ServingStatus.SERVING);
				assertThat(check(health, "")).isEqualTo(ServingStatus.SERVING);
				assertThat(check(health, "demo.Stuck")).isEqualTo(ServingStatus.NOT_SERVING);
				calls += 3;
			}
			double seconds = (System.nanoTime() - startNanos) / 1e9;
			int quickRuns = checks.quickRuns.get() - quickRunsBefore;
			System.out.printf(
					"5 stuck reads on the default pool: %d Check calls in %.1fs all as expected; quick "
							+ "(interval 300ms) ran %d times, stuck checks started %d times in all%n",
					calls, seconds, quickRuns, dependency.readers());
			// 3 s at 300 ms is 10 runs; a run or two may fall at the edges.
			assertThat(quickRuns).isGreaterThanOrEqualTo((int) (seconds / 0.3) - 2);
			// A stuck check is never started a second time.
			assertThat(dependency.readers()).isEqualTo(5);
		}
	}

	@Test
	void aFutureThatNeverCompletesIsCancelledAtItsSourceWithOneCallOutstandingAtMost() {
		start(NeverAnswers.class, "grpc.health.services.demo.Async.include=async");
		NeverAnswers checks = this.context.getBean(NeverAnswers.class);
		HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(this.channel);
		await().atMost(Duration.ofSeconds(20)).until(() -> check(health, "demo.Quick") == ServingStatus.SERVING);
		// 4 s at 300 ms: before the fix, all of about 13 calls would still be pending.
		long startNanos = System.nanoTime();
		while (System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(4)) {
			assertThat(outstanding(checks.calls)).isLessThanOrEqualTo(1);
			assertThat(check(health, "demo.Quick")).isEqualTo(ServingStatus.SERVING);
			assertThat(check(health, "demo.Async")).isEqualTo(ServingStatus.NOT_SERVING);
		}
		List<CompletableFuture<Boolean>> calls = List.copyOf(checks.calls);
		long cancelled = calls.stream().filter(CompletableFuture::isCancelled).count();
		System.out.printf("a future that never completes (interval 300ms, timeout 200ms): %d calls since startup, "
				+ "%d cancelled, %d outstanding%n", calls.size(), cancelled, outstanding(calls));
		assertThat(calls).hasSizeGreaterThan(5);
		assertThat(outstanding(calls)).isLessThanOrEqualTo(1);
		// Every call but the one still within its timeout was cancelled.
		assertThat(cancelled).isGreaterThanOrEqualTo(calls.size() - 1);
	}

	private void start(Class<?> checks, String mapping, Object... beans) {
		TestGrpcServer.Started server = TestGrpcServer.DEVH
			.start(TestGrpcServer.DEVH.application(OutageApplication.class, checks)
				.properties("grpc.health.shutdown.drain-delay=0s", "grpc.health.defaults.interval=300ms",
						"grpc.health.defaults.timeout=200ms", "grpc.health.overall.include=quick",
						"grpc.health.services.demo.Quick.include=quick", mapping)
				.initializers((context) -> Arrays.stream(beans)
					.forEach((bean) -> context.getBeanFactory().registerSingleton(bean.getClass().getName(), bean))));
		this.context = server.context();
		assertThat(server.port()).isPositive();
		this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
	}

	private static ServingStatus check(HealthGrpc.HealthBlockingStub health, String service) {
		return health.withDeadlineAfter(5, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService(service).build())
			.getStatus();
	}

	private static long outstanding(List<CompletableFuture<Boolean>> calls) {
		return calls.stream().filter((call) -> !call.isDone()).count();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class OutageApplication {

	}

	/**
	 * The check that must keep its interval whatever the others do, on each application.
	 */
	abstract static class QuickCheck {

		final AtomicInteger quickRuns = new AtomicInteger();

		@HealthCheck("quick")
		boolean quick() {
			this.quickRuns.incrementAndGet();
			return true;
		}

	}

	/**
	 * Five checks stuck reading from a dependency that accepted the connection and never
	 * answers: a socket read without a timeout ignores interrupts.
	 */
	static class StuckReads extends QuickCheck {

		private final PartitionedDependency dependency;

		StuckReads(PartitionedDependency dependency) {
			this.dependency = dependency;
		}

		@HealthCheck("stuck-1")
		boolean stuck1() throws IOException {
			return this.dependency.read();
		}

		@HealthCheck("stuck-2")
		boolean stuck2() throws IOException {
			return this.dependency.read();
		}

		@HealthCheck("stuck-3")
		boolean stuck3() throws IOException {
			return this.dependency.read();
		}

		@HealthCheck("stuck-4")
		boolean stuck4() throws IOException {
			return this.dependency.read();
		}

		@HealthCheck("stuck-5")
		boolean stuck5() throws IOException {
			return this.dependency.read();
		}

	}

	/**
	 * A check whose asynchronous call (a hung HTTP call behind a future) never answers.
	 */
	static class NeverAnswers extends QuickCheck {

		final List<CompletableFuture<Boolean>> calls = new CopyOnWriteArrayList<>();

		@HealthCheck("async")
		CompletableFuture<Boolean> async() {
			CompletableFuture<Boolean> call = new CompletableFuture<>();
			this.calls.add(call);
			return call;
		}

	}

	/**
	 * A dependency behind a network partition: it completes the TCP handshake (the kernel
	 * does, from the listen backlog) and never sends a byte. Closing it releases every
	 * reader.
	 */
	static final class PartitionedDependency implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> connections = new CopyOnWriteArrayList<>();

		PartitionedDependency() throws IOException {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}

		boolean read() throws IOException {
			Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.server.getLocalPort());
			this.connections.add(socket);
			try (InputStream input = socket.getInputStream()) {
				return input.read() >= 0;
			}
		}

		int readers() {
			return this.connections.size();
		}

		@Override
		public void close() throws IOException {
			for (Socket connection : this.connections) {
				connection.close();
			}
			this.server.close();
		}

	}

}
