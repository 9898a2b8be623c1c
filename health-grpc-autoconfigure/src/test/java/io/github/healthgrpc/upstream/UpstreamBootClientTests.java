package io.github.healthgrpc.upstream;

import io.github.healthgrpc.server.TestGrpcServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An upstream check on a channel of Spring Boot's gRPC client
 * ({@code spring.grpc.client.channel.<name>}).
 */
class UpstreamBootClientTests {

	private final NamedChannelUpstream scenario = new NamedChannelUpstream();

	@AfterEach
	void close() throws Exception {
		this.scenario.close();
	}

	@Test
	void aDownstreamFollowsItsUpstreamOverAChannelOfSpringBootsClient() throws Exception {
		this.scenario.run(TestGrpcServer.BOOT,
				(port) -> new String[] { "spring.grpc.client.channel.stock.target=127.0.0.1:" + port });
	}

}
