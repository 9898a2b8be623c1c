package io.github.healthgrpc.server.port;

import java.net.SocketAddress;
import java.util.List;

import io.grpc.ServerCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * Reflection hints for {@link HealthPortServerBuilders} in a native image: it looks
 * Netty's server builders up by name and calls their {@code forAddress} reflectively.
 *
 * @since 0.1.0
 */
public class HealthPortRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		List<TypeReference> parameters = List.of(TypeReference.of(SocketAddress.class),
				TypeReference.of(ServerCredentials.class));
		HealthPortServerBuilders.NETTY_BUILDERS.forEach((builder) -> hints.reflection()
			.registerType(TypeReference.of(builder),
					(type) -> type.withMethod("forAddress", parameters, ExecutableMode.INVOKE)));
	}

}
