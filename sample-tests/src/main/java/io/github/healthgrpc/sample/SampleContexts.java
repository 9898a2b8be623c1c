package io.github.healthgrpc.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the real sample in this JVM on random loopback ports, for tests that choose its
 * properties or decide when it closes (a {@code @SpringBootTest} context would be cached
 * and kept running until the JVM exits).
 */
final class SampleContexts {

	private SampleContexts() {
	}

	/**
	 * Start the sample.
	 * @param grpcServerPort told the gRPC port once the server listens
	 * @param args more command-line arguments, such as
	 * {@code --sample.pricing.address=...}
	 */
	static ConfigurableApplicationContext start(GrpcServerPort<?> grpcServerPort, String... args) {
		return start(List.of(grpcServerPort), args);
	}

	/**
	 * Start the sample alone ({@link SampleServer#aloneProperties()}) with listeners of
	 * its events.
	 * @param listeners added before the application starts, among them a
	 * {@link GrpcServerPort}
	 * @param args more command-line arguments, such as
	 * {@code --sample.pricing.address=...}
	 */
	static ConfigurableApplicationContext start(List<ApplicationListener<?>> listeners, String... args) {
		List<String> all = new ArrayList<>(SampleServer.get().aloneArguments());
		all.addAll(List.of(args));
		return startAsShipped(listeners, all.toArray(String[]::new));
	}

	/**
	 * Start the sample with the configuration it ships, its upstream check included.
	 * @param listeners added before the application starts, among them a
	 * {@link GrpcServerPort}
	 * @param args more command-line arguments, such as
	 * {@code --grpc.health.upstreams.inventory.target=...}
	 */
	static ConfigurableApplicationContext startAsShipped(List<ApplicationListener<?>> listeners, String... args) {
		SampleServer sample = SampleServer.get();
		// Command-line arguments, because application.yml would override default
		// properties.
		List<String> all = new ArrayList<>(sample.grpcServerArguments(0));
		all.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(sample.applicationClass())
			.listeners(listeners.toArray(ApplicationListener[]::new))
			.run(all.toArray(String[]::new));
	}

}
