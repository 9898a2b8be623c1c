package io.github.healthgrpc.grpc;

import java.util.List;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.github.healthgrpc.proto.health.v1.HealthListResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for the Health service's protobuf messages in a native image.
 * protobuf-java looks a message's accessors up by name the first time something reads its
 * fields through descriptors ({@code toString()}, {@code TextFormat}, a message in a log
 * line or an interceptor), so every generated message and its builder keep their public
 * methods, as Spring gRPC registers them for client stubs.
 *
 * <p>
 * Registered in {@code META-INF/spring/aot.factories} rather than imported by the service
 * bean: an import would load this class in every application as it starts, where it
 * serves nothing.
 */
class HealthProtoRuntimeHints implements RuntimeHintsRegistrar {

	static final List<Class<?>> MESSAGES = List.of(HealthCheckRequest.class, HealthCheckRequest.Builder.class,
			HealthCheckResponse.class, HealthCheckResponse.Builder.class, HealthCheckResponse.ServingStatus.class,
			HealthListRequest.class, HealthListRequest.Builder.class, HealthListResponse.class,
			HealthListResponse.Builder.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		MESSAGES.forEach((type) -> hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS));
	}

}
