package io.github.healthgrpc.benchmarks.peer.devh;

import io.github.healthgrpc.benchmarks.peer.BenchInventoryService;
import io.github.healthgrpc.benchmarks.peer.CallCounter;
import io.github.healthgrpc.benchmarks.peer.ChainBeans;
import io.github.healthgrpc.benchmarks.peer.ManualCheckConfiguration;
import io.github.healthgrpc.benchmarks.peer.PeerBeans;
import io.github.healthgrpc.benchmarks.peer.SpringPeer;
import io.github.healthgrpc.sample.greeter.GreeterService;
import net.devh.boot.grpc.server.serverfactory.GrpcServerConfigurer;
import net.devh.boot.grpc.server.service.GrpcService;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The demo application on devh's gRPC server. Started without health-grpc on its class
 * path it is what devh users get today (devh's own health service); with it, health-grpc
 * on devh. No component scan: the class path decides, nothing else.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ PeerBeans.class, ManualCheckConfiguration.class, ChainBeans.class })
public class DevhPeer {

	/**
	 * Start the peer.
	 * @param args its command line, such as {@code --grpc.server.port=9191}
	 */
	public static void main(String[] args) {
		SpringPeer.run(DevhPeer.class, args);
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
	GrpcServerConfigurer benchCallCounting(CallCounter counter) {
		return (builder) -> builder.intercept(counter);
	}

}
