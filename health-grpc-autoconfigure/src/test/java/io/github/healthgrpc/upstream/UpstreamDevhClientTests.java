package io.github.healthgrpc.upstream;

import io.github.healthgrpc.autoconfigure.HealthGrpcAutoConfiguration;
import io.github.healthgrpc.autoconfigure.HealthGrpcConfigurationFailureTests;
import io.github.healthgrpc.autoconfigure.upstream.UpstreamChecksAutoConfiguration;
import io.github.healthgrpc.server.TestGrpcServer;
import net.devh.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An upstream check on a channel of devh's gRPC client ({@code grpc.client.<name>}), on
 * devh's server. Runs in the module's second surefire pass, without Spring Boot's client.
 */
@EnabledIfSystemProperty(named = "health-grpc.devh-client-pass", matches = "true",
		disabledReason = "runs in the devh-client surefire pass, without Spring Boot's gRPC client")
class UpstreamDevhClientTests {

	private final NamedChannelUpstream scenario = new NamedChannelUpstream();

	@AfterEach
	void close() throws Exception {
		this.scenario.close();
	}

	// GLOBAL holds the defaults of every channel: it is listed as no channel.
	@Test
	void anUnknownChannelNameFailsStartupListingDevhsChannels() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthGrpcAutoConfiguration.class,
					GrpcClientAutoConfiguration.class, UpstreamChecksAutoConfiguration.class))
			.withPropertyValues("grpc.health.shutdown.drain-delay=0s", "grpc.health.upstreams.stock.channel=stocks",
					"grpc.client.GLOBAL.negotiation-type=plaintext", "grpc.client.stock.address=static://127.0.0.1:1",
					"grpc.client.pricing.address=static://127.0.0.1:2")
			.run(HealthGrpcConfigurationFailureTests.failsWith("grpc.health.upstreams.stock.channel", "stocks",
					"No gRPC client channel has this name. Configured channels: grpc.client.pricing, grpc.client.stock. "
							+ "Configure it under grpc.client.stocks, or name a configured one."));
	}

	@Test
	void aDownstreamFollowsItsUpstreamOverAChannelOfDevhsClient() throws Exception {
		this.scenario.run(TestGrpcServer.DEVH,
				(port) -> new String[] { "grpc.client.stock.address=static://127.0.0.1:" + port,
						"grpc.client.stock.negotiation-type=plaintext" });
	}

}
