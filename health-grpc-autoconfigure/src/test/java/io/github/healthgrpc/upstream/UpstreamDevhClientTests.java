package io.github.healthgrpc.upstream;

import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An upstream check on a channel of devh's gRPC client ({@code grpc.client.<name>}), on
 * devh's server. Runs in the module's second surefire pass, without Spring Boot's client.
 */
class UpstreamDevhClientTests {

	private final NamedChannelUpstream scenario = new NamedChannelUpstream();

	@AfterEach
	void close() throws Exception {
		this.scenario.close();
	}

	@Test
	void aDownstreamFollowsItsUpstreamOverAChannelOfDevhsClient() throws Exception {
		this.scenario.run(TestGrpcServer.DEVH,
				(port) -> new String[] { "grpc.client.stock.address=static://127.0.0.1:" + port,
						"grpc.client.stock.negotiation-type=plaintext" });
	}

}
