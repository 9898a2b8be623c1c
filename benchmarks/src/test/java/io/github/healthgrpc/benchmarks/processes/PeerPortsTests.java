package io.github.healthgrpc.benchmarks.processes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PeerPorts}: a peer's port is one no outgoing connection can take.
 */
class PeerPortsTests {

	@Test
	void aPeerPortIsFreeAndBelowTheEphemeralRange() throws IOException {
		for (int i = 0; i < 20; i++) {
			int port = PeerPorts.free();
			assertThat(port).isBetween(10_000, PeerPorts.ephemeralStart() - 1);
			try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				assertThat(server.getLocalPort()).isEqualTo(port);
			}
		}
	}

}
