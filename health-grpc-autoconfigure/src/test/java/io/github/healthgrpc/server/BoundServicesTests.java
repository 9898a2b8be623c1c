package io.github.healthgrpc.server;

import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.store.ServingState;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.ServerServiceDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the services a started server binds become known and follow the overall
 * status, and that a mapped service the server does not bind is reported, and a built-in
 * probe service, which no server binds, is not.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoundServicesTests {

	@Test
	void boundServicesFollowTheOverallAndMisspelledMappingsAreReported(CapturedOutput output) {
		StatusStore store = new StatusStore();
		store.defineServices(Map.of("", Set.of(), "demo.Inventroy", Set.of(), "readiness", Set.of()));
		store.setAcceptingTraffic(true);
		new BoundServices(store, Set.of("demo.Inventroy"))
			.serverStarted(Set.of(ServerServiceDefinition.builder("demo.Inventory").build(),
					ServerServiceDefinition.builder("grpc.health.v1.Health").build()));
		assertThat(store.status("demo.Inventory")).isEqualTo(ServingState.SERVING);
		assertThat(store.status("grpc.health.v1.Health")).isEqualTo(ServingState.SERVING);
		assertThat(output).contains("grpc.health.services[demo.Inventroy] maps a service the gRPC server does not bind")
			.contains("Bound services: [demo.Inventory, grpc.health.v1.Health]")
			.doesNotContain("grpc.health.services[readiness]");
	}

	@Test
	void namesAreTheServiceNamesInOrder() {
		assertThat(BoundServices.names(
				Set.of(ServerServiceDefinition.builder("b.B").build(), ServerServiceDefinition.builder("a.A").build())))
			.containsExactly("a.A", "b.B");
	}

}
