package io.github.healthgrpc.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One run of the real sample that a test starts and closes when it decides, with its own
 * pricing listener and a plain-text channel to its gRPC server; closing the run closes
 * what is still open. For tests that watch the application start or stop, which a cached
 * {@code @SpringBootTest} context cannot show.
 */
final class SampleRun implements AutoCloseable {

	private final PricingServer pricing = PricingServer.onFreePort();

	private final GrpcServerPort<?> grpcServerPort = SampleServer.get().newPortListener();

	private ConfigurableApplicationContext context;

	private ManagedChannel channel;

	/**
	 * The pricing dependency of this run.
	 * @return its listener, closed until a test opens it
	 */
	PricingServer pricing() {
		return this.pricing;
	}

	/**
	 * The port the gRPC server listens on, once it does.
	 * @return the port
	 */
	int grpcPort() {
		return this.grpcServerPort.get();
	}

	/**
	 * Start the sample.
	 * @param drainDelay the shutdown drain delay
	 * @param listeners more listeners of its events
	 * @return the started application
	 */
	ConfigurableApplicationContext start(Duration drainDelay, ApplicationListener<?>... listeners) {
		List<ApplicationListener<?>> all = new ArrayList<>(List.of(this.grpcServerPort));
		all.addAll(List.of(listeners));
		this.context = SampleContexts.start(all, "--sample.pricing.address=" + this.pricing.address(),
				"--grpc.health.shutdown.drain-delay=" + drainDelay.toMillis() + "ms");
		return this.context;
	}

	/**
	 * The started application.
	 * @return its context
	 */
	ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * A plain-text channel to the gRPC server, opened on first use.
	 * @return the channel
	 */
	ManagedChannel channel() {
		if (this.channel == null) {
			this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort()).usePlaintext().build();
		}
		return this.channel;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.channel != null) {
			this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
		if (this.context != null) {
			this.context.close();
		}
		this.pricing.close();
	}

}
