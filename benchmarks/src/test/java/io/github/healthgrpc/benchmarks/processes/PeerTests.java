package io.github.healthgrpc.benchmarks.processes;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerTests {

	@Test
	void aStartMeasuredAloneLeavesOutTheHarnessBeansOfAHealthGrpcPeerAndTheirService() {
		for (Peer peer : List.of(Peer.HEALTH_GRPC_DEVH, Peer.HEALTH_GRPC_BOOT)) {
			List<String> run = peer.arguments(9000, "127.0.0.1:9001");
			assertThat(run).contains("--grpc.health.services.bench.Manual.include=manual")
				.noneMatch((argument) -> argument.startsWith("--bench.harness-beans"));
			// The same application otherwise, argument for argument.
			List<String> alone = new ArrayList<>(run);
			alone.remove("--grpc.health.services.bench.Manual.include=manual");
			alone.add("--bench.harness-beans=false");
			assertThat(peer.startupArguments(9000, "127.0.0.1:9001")).isEqualTo(alone);
		}
	}

	@Test
	void aStartMeasuredAloneOfAPeerWithoutTheStarterIsItsUsualOne() {
		for (Peer peer : List.of(Peer.DEVH, Peer.BOOT)) {
			assertThat(peer.startupArguments(9000, "127.0.0.1:9001")).isEqualTo(peer.arguments(9000, "127.0.0.1:9001"));
		}
	}

}
