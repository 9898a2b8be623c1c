package io.github.healthgrpc.benchmarks.peer.boot;

import io.github.healthgrpc.benchmarks.peer.BenchInventoryService;
import io.github.healthgrpc.benchmarks.peer.CallCounter;
import io.github.healthgrpc.benchmarks.peer.ChainBeans;
import io.github.healthgrpc.benchmarks.peer.ManualCheckConfiguration;
import io.github.healthgrpc.benchmarks.peer.PeerBeans;
import io.github.healthgrpc.benchmarks.peer.SpringPeer;
import io.github.healthgrpc.sample.greeter.GreeterService;
import io.grpc.ServerBuilder;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.server.ServerBuilderCustomizer;
import org.springframework.grpc.server.service.GrpcService;

/**
 * The demo application on Spring Boot's own gRPC server. Started without health-grpc on
 * its class path it is what Spring Boot users get (its own gRPC health, which polls the
 * indicators every 5 s); with it, health-grpc on Spring Boot's server. No component scan:
 * the class path decides, nothing else.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ PeerBeans.class, ManualCheckConfiguration.class, ChainBeans.class })
public class BootPeer {

	/**
	 * Start the peer.
	 * @param args its command line, such as {@code --spring.grpc.server.port=9191}
	 */
	public static void main(String[] args) {
		SpringPeer.run(BootPeer.class, args);
	}

	@Bean
	@GrpcService
	GreeterService greeterService() {
		return new GreeterService();
	}

	@Bean
	@GrpcService
	BenchInventoryService inventoryService() {
		return new BenchInventoryService();
	}

	// On the builder, not a global interceptor: health-grpc lets Health calls skip
	// those.
	@Bean
	@ConditionalOnBooleanProperty("bench.count-calls")
	ServerBuilderCustomizer<?> benchCallCounting(CallCounter counter) {
		return counting(counter);
	}

	private static <T extends ServerBuilder<T>> ServerBuilderCustomizer<T> counting(CallCounter counter) {
		return (builder) -> builder.intercept(counter);
	}

}
