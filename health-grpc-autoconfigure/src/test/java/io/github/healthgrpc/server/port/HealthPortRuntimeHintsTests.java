package io.github.healthgrpc.server.port;

import java.net.SocketAddress;

import io.github.healthgrpc.autoconfigure.server.port.HealthPortAutoConfiguration;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health port's hints for a native image: Netty's server builder, which it finds by
 * name, and its {@code forAddress}, which it invokes reflectively.
 */
class HealthPortRuntimeHintsTests {

	@Test
	void aNativeImageCanFindNettysServerBuilderAndInvokeItsForAddress() throws NoSuchMethodException {
		RuntimeHints hints = new RuntimeHints();
		new HealthPortRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(NettyServerBuilder.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(
					NettyServerBuilder.class.getMethod("forAddress", SocketAddress.class, ServerCredentials.class)))
			.accepts(hints);
	}

	@Test
	void theHealthPortsAutoConfigurationBringsTheHints() {
		assertThat(HealthPortAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class).value())
			.containsExactly(HealthPortRuntimeHints.class);
	}

}
