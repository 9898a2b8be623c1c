package io.github.healthgrpc.lifecycle;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.grpc.HealthGrpcService;
import io.github.healthgrpc.store.ServingStatus;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import net.devh.boot.grpc.server.event.GrpcServerStartedEvent;
import net.devh.boot.grpc.server.serverfactory.GrpcServerLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Proves that the services a started server binds become known and follow the overall
 * status, and that a mapped service the server does not bind is reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoundServicesListenerTests {

	@Test
	void boundServicesFollowTheOverallAndMisspelledMappingsAreReported(CapturedOutput output) throws IOException {
		StatusStore store = new StatusStore();
		store.defineServices(Map.of("", Set.of(), "demo.Inventroy", Set.of()));
		store.setAcceptingTraffic(true);
		Server server = NettyServerBuilder.forPort(0).addService(new HealthGrpcService(store, 100)).build().start();
		try {
			new BoundServicesListener(store).onApplicationEvent(
					new GrpcServerStartedEvent(mock(GrpcServerLifecycle.class), server, "127.0.0.1", server.getPort()));
			assertThat(store.status("grpc.health.v1.Health")).isEqualTo(ServingStatus.SERVING);
			assertThat(output).contains("grpc.health.services[demo.Inventroy] maps a service the gRPC server does not bind")
				.contains("Bound services: [grpc.health.v1.Health]");
		}
		finally {
			server.shutdownNow();
		}
	}

}
