package io.github.healthgrpc.benchmarks.processes;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerTests {

	@Test
	void aStartMeasuredAloneLeavesOutTheHarnessBeansOfAHealthGrpcPeerAndTheirService() {
		for (Peer peer : List.of(Peer.HEALTH_GRPC_DEVH, Peer.HEALTH_GRPC_BOOT)) {
			List<String> run = peer.arguments(9000, "127.0.0.1:9001");
			List<String> alone = peer.startupArguments(9000, "127.0.0.1:9001");
			assertThat(run).anyMatch((argument) -> argument.startsWith("--grpc.health.services.bench.Manual"))
				.noneMatch((argument) -> argument.startsWith("--bench.harness-beans"));
			assertThat(alone).noneMatch((argument) -> argument.startsWith("--grpc.health.services.bench.Manual"))
				.contains("--bench.harness-beans=false");
			// Everything else is the same application.
			assertThat(alone).containsAll(run.subList(0, run.size() - 1)
				.stream()
				.filter((argument) -> !argument.startsWith("--grpc.health.services.bench.Manual"))
				.toList());
		}
	}

	@Test
	void aStartMeasuredAloneOfAPeerWithoutTheStarterIsItsUsualOne() {
		for (Peer peer : List.of(Peer.DEVH, Peer.BOOT)) {
			assertThat(peer.startupArguments(9000, "127.0.0.1:9001")).isEqualTo(peer.arguments(9000, "127.0.0.1:9001"));
		}
	}

}
