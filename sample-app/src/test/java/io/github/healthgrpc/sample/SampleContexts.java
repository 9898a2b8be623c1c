package io.github.healthgrpc.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
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
	 * @param args more command-line arguments, such as {@code --sample.pricing.address=...}
	 */
	static ConfigurableApplicationContext start(GrpcServerPort grpcServerPort, String... args) {
		// Command-line arguments, because application.yml would override default properties.
		List<String> all = new ArrayList<>(List.of("--grpc.server.port=0", "--grpc.server.address=127.0.0.1",
				"--server.port=0", "--spring.main.banner-mode=off"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(SampleApplication.class).listeners(grpcServerPort)
			.run(all.toArray(String[]::new));
	}

}
